/** One dispatched Server-Sent Event, as EventSource would see it. */
export interface SseMessage {
  /** The last event id after this event (EventSource's lastEventId). */
  lastEventId: string;
  event: string;
  data: string;
}

/**
 * The event-stream format (WHATWG HTML §9.2.6), for tests and the bench that read the stream
 * without a browser: fields per line, a blank line dispatches, `:` starts a comment.
 */
export class SseParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #lastEventId = '';
  comments = 0;
  retry: number | null = null;

  push(chunk: string): SseMessage[] {
    this.#buffer += chunk;
    const lines = this.#buffer.split(/\r\n|\r|\n/);
    this.#buffer = lines.pop() ?? '';
    const out: SseMessage[] = [];
    for (const line of lines) {
      if (line === '') {
        if (this.#data.length > 0) out.push({ lastEventId: this.#lastEventId, event: this.#event || 'message', data: this.#data.join('\n') });
        this.#event = '';
        this.#data = [];
        continue;
      }
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.#event = value;
      else if (field === 'data') this.#data.push(value);
      else if (field === 'id' && !value.includes('\0')) this.#lastEventId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    }
    return out;
  }
}
