import type { AgentEvent } from '@eldercare/domain';

/** Fan-out of agent events to whoever listens now; nothing is kept for later listeners. */
export class EventHub {
  private readonly listeners = new Set<(event: AgentEvent) => void>();

  subscribe(listener: (event: AgentEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AgentEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  get size(): number {
    return this.listeners.size;
  }
}
