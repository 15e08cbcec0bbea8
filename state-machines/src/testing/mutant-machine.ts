import { createMachine, type AnyStateMachine } from 'xstate';

type Config = { states?: Record<string, Config>; on?: Record<string, unknown> } & Record<string, unknown>;

/**
 * A copy of `machine` with one transition changed: the `eventType` handler of the state at
 * `statePath` (e.g. ['session', 'main', 'menu']) is replaced by `transition` (a target, a
 * transition object, or `undefined` to delete it). Every other part of the machine, including
 * its implementations, is shared. Used to check that the model-based tests notice a broken
 * transition.
 */
export function mutantMachine<TMachine extends AnyStateMachine>(
  machine: TMachine,
  statePath: readonly string[],
  eventType: string,
  transition: unknown,
): TMachine {
  const change = (node: Config, path: readonly string[]): Config => {
    const [head, ...rest] = path;
    if (head === undefined) {
      const on = { ...(node.on ?? {}) };
      if (transition === undefined) delete on[eventType];
      else on[eventType] = transition;
      return { ...node, on };
    }
    const child = node.states?.[head];
    if (!child) throw new Error(`mutantMachine: no state "${head}"`);
    return { ...node, states: { ...node.states, [head]: change(child, rest) } };
  };
  const config = change(machine.config as Config, statePath);
  return createMachine(config as never, machine.implementations as never) as unknown as TMachine;
}
