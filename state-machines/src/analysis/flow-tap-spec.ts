import {
  findDemoResident,
  JOINT_SERVICE_KEYS,
  SERVICE_KEYS,
  type ApplicationView,
  type IdCardData,
  type IdentifyResponse,
} from '@eldercare/domain';
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { RegisteredServiceKey } from '../service-flows';

/**
 * How the tap analysis (count-taps.ts) walks one service flow: which concrete events to try
 * where an event needs a payload, and which context fields make two states different. One
 * spec per flow in flow-tap-specs.ts; the flow's own file is left alone.
 */

/** An event with its payload, as the traversal sends it. */
export type PayloadEvent = EventObject & Record<string, unknown>;
export type Cases = Record<string, readonly PayloadEvent[]>;

export interface FlowTapSpec {
  /** Payload events per event type in this snapshot (the others are tried without payload). */
  cases(snapshot: AnyMachineSnapshot): Cases;
  /** The answers that tell states apart (never random idempotency keys). */
  stateKey(snapshot: AnyMachineSnapshot): unknown;
  /** The person walked for, when the default one (李秀英, 67) cannot use the service. */
  identity?: () => IdentifyResponse;
  /** False for a flow that submits no application (进度查询): it has no taps to count. */
  submits?: false;
}

/** A fixed date, so the analysis gives the same numbers any day. */
export const ANALYSIS_DATE = '2026-06-01';
export const ANALYSIS_CENTRE = 'xuhui-tianping';
/** A valid mainland mobile number typed on the keypad. */
export const ANALYSIS_PHONE = '13912345678';

/** The keypad offers only the next digit of `target`: typing anything else is never shorter. */
export function nextDigit(typed: string, target: string): PayloadEvent[] {
  const next = target[typed.length];
  return next === undefined ? [] : [{ type: 'keypad.digit', digit: next }];
}

/** Every value of `values` as an option.choose (or option.toggle) event. */
export function optionEvents(type: 'option.choose' | 'option.toggle', values: readonly string[]): PayloadEvent[] {
  return values.map((value) => ({ type, value }));
}


/** 李秀英 of the demo residents: 67, Shanghai hukou, no senior card, no channel chosen yet. */
export function analysisCard(): IdCardData {
  const resident = findDemoResident(ANALYSIS_DATE, 'li-xiuying');
  if (!resident) throw new Error('count-taps: demo resident li-xiuying is missing');
  return resident.card;
}

/** What the server answers for her: nothing chosen yet. */
export function analysisIdentity(): IdentifyResponse {
  return {
    identifyToken: 'analysis-token-000000',
    expiresAt: `${ANALYSIS_DATE}T12:00:00.000Z`,
    person: {
      nameMasked: '李*英',
      idNumberMasked: '310105**********21',
      sex: 'female',
      age: 67,
      shanghaiHukou: true,
      holdsSeniorCard: false,
      allowanceChannel: null,
      registeredAddressMasked: '上海市长宁区天山路***弄**号***室',
      phoneMasked: null,
      inRegistry: true,
    },
    // Eligible for everything, so each flow's shortest path is the one a senior who may use it takes.
    eligibility: SERVICE_KEYS.map((serviceKey) => ({ serviceKey, eligible: true, reasons: [] })),
    joint: {
      reassessmentDue: false,
      assessmentValidUntil: null,
      insurance: 'employee',
      options: JOINT_SERVICE_KEYS.map((serviceKey) => ({ serviceKey, availability: 'now' as const, reasons: [] })),
    },
    catalogueVersion: 'analysis',
  };
}

/** The shape of the server's 201 answer; its values play no part in the counting. */
export function analysisApplication(serviceKey: RegisteredServiceKey): ApplicationView {
  return {
    applicationNo: 'YL20260601000001',
    serviceKey,
    serviceName: { zh: serviceKey, en: serviceKey },
    status: 'submitted',
    submittedAt: `${ANALYSIS_DATE}T02:00:00.000Z`,
    applicantNameMasked: '李*英',
    idNumberMasked: '310105**********21',
    answers: {},
    details: [],
    parts: [],
    catalogueVersion: 'analysis',
  };
}

