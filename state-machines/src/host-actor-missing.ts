import { DomainError } from '@eldercare/domain';
import { fromPromise } from 'xstate';

/** Thrown by the placeholder of a host actor that the host did not `.provide()`. */
export class HostActorMissingError extends DomainError {
  constructor(readonly actorName: string) {
    super('HOST_ACTOR_MISSING', `The host did not provide the actor "${actorName}" (use .provide({ actors }))`);
  }
}

/**
 * The placeholder of a host actor: typed like the real one, and it fails loudly, so a host that
 * forgot to provide it sees an error screen and a clear message instead of a silent fake result.
 */
export function hostActorMissing<TOutput, TInput>(actorName: string) {
  return fromPromise<TOutput, TInput>(() => Promise.reject(new HostActorMissingError(actorName)));
}
