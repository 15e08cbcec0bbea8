import { useEffect, useState } from 'preact/hooks';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/**
 * Re-renders when an xstate actor's snapshot changes (see docs/decisions: Preact subscribes to
 * actors directly; the machines hold all state, components only render it).
 */
export function useActorSnapshot<T extends AnyActorRef>(actor: T): SnapshotFrom<T>;
export function useActorSnapshot<T extends AnyActorRef>(actor: T | undefined): SnapshotFrom<T> | undefined;
export function useActorSnapshot<T extends AnyActorRef>(actor: T | undefined): SnapshotFrom<T> | undefined {
  const [snapshot, setSnapshot] = useState<SnapshotFrom<T> | undefined>(() => actor?.getSnapshot());
  useEffect(() => {
    if (!actor) {
      setSnapshot(undefined);
      return;
    }
    setSnapshot(actor.getSnapshot());
    const subscription = actor.subscribe((next: SnapshotFrom<T>) => setSnapshot(next));
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}
