import type { SpokenCall } from '@eldercare/domain';

/** Says one call (all its repetitions); resolves when it is over, rejects when it could not. */
export type CallPlayer = (call: SpokenCall) => Promise<void>;

export interface CallAnnouncer {
  /** Queues a call: it is said once the calls before it are over. */
  announce(call: SpokenCall): void;
  /** Called with the call being said (null when quiet), at once and on every change. */
  onSpeaking(listener: (call: SpokenCall | null) => void): () => void;
  readonly pending: number;
  /** Drops what is queued; the call being said finishes. */
  clear(): void;
}

/**
 * One call at a time, in order: a call that comes while another is being said waits for it, so
 * two counters calling at once are both heard whole. A call that fails to play (no clip, no
 * sound device) is skipped; the screen still shows it.
 */
export function createCallAnnouncer(player: CallPlayer, onError: (error: unknown) => void = () => undefined): CallAnnouncer {
  const queue: SpokenCall[] = [];
  const listeners = new Set<(call: SpokenCall | null) => void>();
  let speaking: SpokenCall | null = null;

  const setSpeaking = (call: SpokenCall | null) => {
    speaking = call;
    for (const listener of listeners) listener(call);
  };

  const next = async () => {
    while (queue.length > 0) {
      const call = queue.shift()!;
      setSpeaking(call);
      try {
        await player(call);
      } catch (error) {
        onError(error);
      }
    }
    setSpeaking(null);
  };

  return {
    announce(call) {
      queue.push(call);
      if (speaking === null) void next();
    },
    onSpeaking(listener) {
      listeners.add(listener);
      listener(speaking);
      return () => listeners.delete(listener);
    },
    get pending() {
      return queue.length;
    },
    clear() {
      queue.length = 0;
    },
  };
}
