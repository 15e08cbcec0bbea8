import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { kioskSessionMachine } from '../kiosk-session-machine';
import { MENU_GROUP_PAGES } from '../kiosk-session-machine-menu';
import type { ServiceFlowOutput } from '../service-flow-types';
import { SERVICE_FLOWS, type RegisteredServiceKey } from '../service-flows';
import {
  ANALYSIS_CENTRE,
  analysisApplication,
  analysisCard,
  analysisIdentity,
  type Cases,
  type PayloadEvent,
} from './flow-tap-spec';
import { FLOW_TAP_SPECS } from './flow-tap-specs';

/**
 * How many taps a senior needs, counted on the machines themselves with xstate/graph.
 *
 * Counting rule: the path is the shortest path (fewest events) of the real machine from its
 * start to the submitted application; on it, every event is classified and only `tap`s count.
 * - tap: an event the UI sends because the person touched a button (flow.next, channel.choose,
 *   delivery.choose, flow.confirm, service.select, session.start, …);
 * - typing: `keypad.digit` (reported separately as `typed`: the 11 digits of a phone number);
 * - device: what the card reader reports (card.placed, card.read, card.failed, card.removed,
 *   device.status): the person puts the card down, they do not tap;
 * - system: actor results, timers and bookkeeping (xstate.done.actor.*, xstate.error.actor.*,
 *   xstate.after.*, user.activity).
 * A flow counts from its first screen (after the eligibility check) to its `submitted` final
 * state. The session counts from the welcome screen with the card being read there (placing the
 * card starts the session; no 开始 tap needed) to the `printing` state (application submitted);
 * the flow's own path is spliced in where the session's flow child finishes.
 */

export type EventKind = 'tap' | 'typing' | 'device' | 'system';

export function classifyEvent(type: string): EventKind {
  if (type === 'keypad.digit') return 'typing';
  if (type.startsWith('card.') || type === 'device.status') return 'device';
  if (type.startsWith('xstate.') || type === 'user.activity') return 'system';
  return 'tap';
}

export interface TapCount {
  serviceKey: RegisteredServiceKey;
  scope: 'flow' | 'session';
  /** Button taps on the shortest path. */
  taps: number;
  /** Keypad digits typed on it. */
  typed: number;
  /** Every event on the path, in order (payloads left out). */
  events: string[];
}

// ---- walking the graphs ----------------------------------------------------------------

function isSubmitted(snapshot: AnyMachineSnapshot): boolean {
  return snapshot.status === 'done' && (snapshot.output as ServiceFlowOutput | undefined)?.kind === 'submitted';
}


/**
 * The events to try in a snapshot: every event type its active states handle (what
 * xstate/graph does by default), with `cases` giving the concrete events, payloads included,
 * for the types that need one.
 */
/* The events functions below are passed `as never`: xstate/graph types them per machine, while
   these work on any machine snapshot (the payloads are checked by the machines' own tests). */
function eventsFrom(casesOf: (snapshot: AnyMachineSnapshot) => Cases) {
  return (snapshot: AnyMachineSnapshot): PayloadEvent[] => {
    const cases = casesOf(snapshot);
    const types = new Set(snapshot._nodes.flatMap((node) => node.ownEvents));
    return [...types].flatMap((type) => cases[type] ?? [{ type }]);
  };
}

function tally(serviceKey: RegisteredServiceKey, scope: TapCount['scope'], events: readonly EventObject[]): TapCount {
  const types = events.map((e) => e.type);
  return {
    serviceKey,
    scope,
    taps: types.filter((t) => classifyEvent(t) === 'tap').length,
    typed: types.filter((t) => classifyEvent(t) === 'typing').length,
    events: types,
  };
}

function shortest<T extends { steps: { event: EventObject }[] }>(paths: T[], what: string): EventObject[] {
  const best = paths
    .map((p) => p.steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init'))
    .sort((a, b) => a.length - b.length)[0];
  if (!best) throw new Error(`count-taps: no path reaches ${what}`);
  return best;
}

function flowPath(serviceKey: RegisteredServiceKey): EventObject[] {
  const spec = FLOW_TAP_SPECS[serviceKey];
  const submitApplication: Cases = {
    'xstate.done.actor.submitApplication': [
      { type: 'xstate.done.actor.submitApplication', output: analysisApplication(serviceKey) },
    ],
    'xstate.error.actor.submitApplication': [
      { type: 'xstate.error.actor.submitApplication', error: new Error('analysis') },
    ],
  };
  const paths = getShortestPaths(SERVICE_FLOWS[serviceKey].machine, {
    input: { identity: spec.identity?.() ?? analysisIdentity(), proxy: null, centreId: ANALYSIS_CENTRE },
    events: eventsFrom((snapshot) => ({ ...submitApplication, ...spec.cases(snapshot) })) as never,
    serializeState: (snapshot: AnyMachineSnapshot) =>
      JSON.stringify({ value: snapshot.value, status: snapshot.status, answers: spec.stateKey(snapshot) }),
    toState: isSubmitted,
    limit: 100_000,
  });
  return shortest(paths, `a submitted ${serviceKey} application`);
}

/** Taps inside one flow, from its first screen to the submitted application. */
export function countFlowTaps(serviceKey: RegisteredServiceKey): TapCount {
  return tally(serviceKey, 'flow', flowPath(serviceKey));
}

/** Taps from the card read on the welcome screen to the submitted application, through the session. */
export function countSessionTaps(serviceKey: RegisteredServiceKey): TapCount {
  const flowDone = 'xstate.done.actor.flow';
  const allowed = new Set(['session.start', 'card.placed', 'card.read', 'menu.page', 'service.select', 'xstate.done.actor.identify', flowDone]);
  const paths = getShortestPaths(kioskSessionMachine, {
    input: {},
    events: eventsFrom(() => ({
      'card.read': [{ type: 'card.read', card: analysisCard() }],
      'xstate.done.actor.identify': [{ type: 'xstate.done.actor.identify', output: analysisIdentity() }],
      'service.select': [{ type: 'service.select', serviceKey }],
      // A service on a group page costs the tap that opens the group.
      'menu.page': MENU_GROUP_PAGES.map((page) => ({ type: 'menu.page', page })),
      [flowDone]: [
        { type: flowDone, output: { kind: 'submitted', application: analysisApplication(serviceKey) } },
      ],
    })) as never,
    // Only what moves a visit forward; help, language, idle and timers never shorten it.
    filterEvents: (_, event) => allowed.has(event.type),
    serializeState: (snapshot) =>
      JSON.stringify({
        value: snapshot.value,
        identified: snapshot.context.identity !== null,
        page: snapshot.context.menuPage,
        submitted: snapshot.context.application !== null,
      }),
    toState: (snapshot) => snapshot.matches({ session: { main: 'printing' } }),
    limit: 100_000,
  });
  const sessionEvents = shortest(paths, 'printing');
  const at = sessionEvents.findIndex((e) => e.type === flowDone);
  if (at < 0) throw new Error('count-taps: the session path does not pass through a flow');
  const events = [...sessionEvents.slice(0, at), ...flowPath(serviceKey), ...sessionEvents.slice(at)];
  return tally(serviceKey, 'session', events);
}

/** Every registered flow, alone and through the session. */
export function countAllTaps(): TapCount[] {
  return (Object.keys(FLOW_TAP_SPECS) as RegisteredServiceKey[]).filter((key) => FLOW_TAP_SPECS[key].submits !== false).flatMap((serviceKey) => [
    countFlowTaps(serviceKey),
    countSessionTaps(serviceKey),
  ]);
}

/** One line for the bench, e.g. "senior-card (session): 5 taps + 11 digits typed — card.read → …". */
export function describeTapCount(count: TapCount): string {
  const typed = count.typed > 0 ? ` + ${count.typed} digits typed` : '';
  const events = count.events.filter((t) => classifyEvent(t) !== 'typing');
  return `${count.serviceKey} (${count.scope}): ${count.taps} taps${typed} — ${events.join(' → ')}`;
}

/**
 * The tap budgets from the card read to the submitted application (typing on the keypad
 * excluded). The bench prints each count against its budget; count-taps.test.ts fails when a
 * change breaks one.
 */
export const TAP_BUDGETS: Partial<Record<RegisteredServiceKey, number>> = {
  'allowance-channel': 5,
  'senior-card': 8,
  'ltc-joint': 12,
};
