import { fromPromise } from 'xstate';

/** One call of a controllable host actor: its input, and the handles that settle it. */
export interface PendingCall<TInput, TOutput> {
  input: TInput;
  resolve(output: TOutput): void;
  reject(error: unknown): void;
  /** True once the actor was stopped (its state left) before it settled. */
  readonly aborted: boolean;
}

/**
 * A host actor whose promise the test settles by hand, so a test (or a model path) decides
 * when and how the server, the printer or the reader answers. Every call is recorded.
 */
export function controllableActor<TOutput, TInput>() {
  const calls: PendingCall<TInput, TOutput>[] = [];
  const logic = fromPromise<TOutput, TInput>(
    ({ input, signal }) =>
      new Promise<TOutput>((resolve, reject) => {
        calls.push({
          input,
          resolve,
          reject,
          get aborted() {
            return signal.aborted;
          },
        });
      }),
  );
  return {
    logic,
    calls,
    /** The latest call; throws when there was none (the machine did not call the host). */
    get last(): PendingCall<TInput, TOutput> {
      const call = calls.at(-1);
      if (!call) throw new Error('the host actor was never called');
      return call;
    },
  };
}

/** Lets settled promises reach the actors (a promise actor reports on a later microtask). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A failure with a stable code, like the typed errors the host's API clients throw. */
export class CodedError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}
