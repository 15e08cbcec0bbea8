import { request, type IncomingMessage } from 'node:http';
import type { QueueEvent } from '@eldercare/domain';
import { SseParser, type SseMessage } from './sse-parser';

/**
 * A real HTTP client of the event stream for tests: connects to a listening app, collects the
 * messages, and lets a test wait for a condition (checked on every chunk; the timeout is only a
 * guard against a hang).
 */
export class SseTestClient {
  readonly messages: SseMessage[] = [];
  readonly parser = new SseParser();
  #waiters = new Set<() => void>();
  ended = false;

  private constructor(
    readonly response: IncomingMessage,
    readonly body: string,
  ) {}

  static connect(url: string, headers: Record<string, string> = {}): Promise<SseTestClient> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        res.setEncoding('utf8');
        if (res.statusCode !== 200) {
          let body = '';
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve(new SseTestClient(res, body)));
          return;
        }
        const client = new SseTestClient(res, '');
        res.on('data', (chunk: string) => {
          client.messages.push(...client.parser.push(chunk));
          client.#wake();
        });
        res.on('close', () => {
          client.ended = true;
          client.#wake();
        });
        resolve(client);
      });
      req.on('error', reject);
      req.end();
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  /** The queue events received (not `ready`), parsed. */
  get events(): QueueEvent[] {
    return this.messages.filter((m) => m.event !== 'ready').map((m) => JSON.parse(m.data) as QueueEvent);
  }

  get readies(): SseMessage[] {
    return this.messages.filter((m) => m.event === 'ready');
  }

  /** The id EventSource would send as Last-Event-ID on reconnect. */
  get lastEventId(): string {
    return this.messages.at(-1)?.lastEventId ?? '';
  }

  until(condition: (client: SseTestClient) => boolean, timeoutMs = 10_000): Promise<void> {
    if (condition(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`SSE condition not met in ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => `${m.event}#${m.lastEventId}`))}`));
      }, timeoutMs);
      const check = () => {
        if (!condition(this)) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      this.#waiters.add(check);
    });
  }

  close(): void {
    this.response.destroy();
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
