import type { ApplicationView, EducationCatalogue, PrintResult, ProgressResponse } from '@eldercare/domain';
import { fromPromise, type AnyActorLogic, type AnyStateMachine } from 'xstate';
import { allowanceChannelFlow } from './allowance-channel-flow';
import { jointApplicationFlow } from './joint-application-flow';
import { seniorCardFlow } from './senior-card-flow';
import { progressFlow, type LoadProgressInput, type PrintProgressInput } from './progress-flow';
import { seniorEducationFlow } from './senior-education-flow';
import { taxiHailingFlow } from './taxi-hailing-flow';
import { assistiveDeviceRentalFlow, assistiveDeviceRentalFlowSpec } from './assistive-device-rental-flow';
import { homeAdaptationFlow, homeAdaptationFlowSpec } from './home-adaptation-flow';
import { homeVisitFlow, homeVisitFlowSpec } from './home-visit-flow';
import { mealAssistanceChangeFlow, mealAssistanceChangeFlowSpec } from './meal-assistance-change-flow';
import { mealAssistanceFlow, mealAssistanceFlowSpec } from './meal-assistance-flow';
import { sportsVoucherFlow, sportsVoucherFlowSpec } from './sports-voucher-flow';
import type { FormFlowSpec } from './flow-steps/form-flow';
import type { KioskServiceKey, SubmitApplicationInput } from './service-flow-types';

/** The AbortSignal xstate hands to a promise actor; it aborts when the actor is stopped. */
export type HostSignal = Parameters<Parameters<typeof fromPromise<unknown, unknown>>[0]>[0]['signal'];

/**
 * What service flows need from the kiosk page. Every flow submits through `submitApplication`;
 * a flow that needs more I/O (a course list, the progress of applications) adds its function
 * here and its host implements it (kiosk-ui/src/kiosk/kiosk-host.ts).
 */
export interface ServiceFlowHost {
  /** POST /api/v1/applications with `Idempotency-Key: input.idempotencyKey`. */
  submitApplication(input: SubmitApplicationInput, signal: HostSignal): Promise<ApplicationView>;
  /** 进度查询: POST /api/v1/progress {identifyToken}, or GET /api/v1/progress/receipt/{receiptCode}. */
  loadProgress(input: LoadProgressInput, signal: HostSignal): Promise<ProgressResponse>;
  /** Compose the progress slip (composeProgressSlip, in the session's language) and POST /v1/print to the agent. */
  printProgress(input: PrintProgressInput, signal: HostSignal): Promise<PrintResult>;
  /** GET /api/v1/education/courses (老年教育: schools, courses with seats left, teaching subjects). */
  loadCourses(signal: HostSignal): Promise<EducationCatalogue>;
}

export interface ServiceFlowEntry {
  /** The session's state for the flow (kioskScreen names it). */
  state: string;
  machine: AnyStateMachine;
  /** The machine with its I/O actors wired to the host. */
  provide(host: ServiceFlowHost): AnyActorLogic;
  /** A form flow's steps (flow-steps/form-flow.ts): the kiosk draws and speaks its screens from them. */
  form?: FormFlowSpec;
}

function submitVia(host: ServiceFlowHost) {
  return fromPromise<ApplicationView, SubmitApplicationInput>(({ input, signal }) => host.submitApplication(input, signal));
}

/**
 * The registry of the kiosk's service flows: the menu can start a service only when it is here.
 * The session machine makes one state per entry (`inService.<state>`), and the kiosk page has a
 * view per entry (kiosk-ui/src/kiosk/screens/flow-views.ts). Add one line per flow.
 */
export const SERVICE_FLOWS = {
  'allowance-channel': {
    state: 'allowanceChannel',
    machine: allowanceChannelFlow,
    provide: (host) => allowanceChannelFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'senior-card': {
    state: 'seniorCard',
    machine: seniorCardFlow,
    provide: (host) => seniorCardFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'ltc-joint': {
    state: 'jointApplication',
    machine: jointApplicationFlow,
    provide: (host) => jointApplicationFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'senior-education': {
    state: 'seniorEducation',
    machine: seniorEducationFlow,
    provide: (host) =>
      seniorEducationFlow.provide({
        actors: {
          submitApplication: submitVia(host),
          loadCourses: fromPromise<EducationCatalogue, void>(({ signal }) => host.loadCourses(signal)),
        },
      }),
  },
  'taxi-hailing': {
    state: 'taxiHailing',
    machine: taxiHailingFlow,
    provide: (host) => taxiHailingFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'home-adaptation': {
    state: 'homeAdaptation',
    machine: homeAdaptationFlow,
    form: homeAdaptationFlowSpec,
    provide: (host) => homeAdaptationFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'meal-assistance': {
    state: 'mealAssistance',
    machine: mealAssistanceFlow,
    form: mealAssistanceFlowSpec,
    provide: (host) => mealAssistanceFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'meal-assistance-change': {
    state: 'mealAssistanceChange',
    machine: mealAssistanceChangeFlow,
    form: mealAssistanceChangeFlowSpec,
    provide: (host) => mealAssistanceChangeFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'assistive-device-rental': {
    state: 'assistiveDeviceRental',
    machine: assistiveDeviceRentalFlow,
    form: assistiveDeviceRentalFlowSpec,
    provide: (host) => assistiveDeviceRentalFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'sports-voucher': {
    state: 'sportsVoucher',
    machine: sportsVoucherFlow,
    form: sportsVoucherFlowSpec,
    provide: (host) => sportsVoucherFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  'home-visit': {
    state: 'homeVisit',
    machine: homeVisitFlow,
    form: homeVisitFlowSpec,
    provide: (host) => homeVisitFlow.provide({ actors: { submitApplication: submitVia(host) } }),
  },
  progress: {
    state: 'progress',
    machine: progressFlow,
    provide: (host) =>
      progressFlow.provide({
        actors: {
          loadProgress: fromPromise<ProgressResponse, LoadProgressInput>(({ input, signal }) => host.loadProgress(input, signal)),
          printProgress: fromPromise<PrintResult, PrintProgressInput>(({ input, signal }) => host.printProgress(input, signal)),
        },
      }),
  },
} as const satisfies Partial<Record<KioskServiceKey, ServiceFlowEntry>>;

export type RegisteredServiceKey = keyof typeof SERVICE_FLOWS;
export type ServiceFlowState = (typeof SERVICE_FLOWS)[RegisteredServiceKey]['state'];

/** The registered form flows' steps, in the registry's order. */
export const FORM_FLOW_SPECS: readonly FormFlowSpec[] = Object.values(SERVICE_FLOWS).flatMap((entry) => ('form' in entry ? [entry.form] : []));

/** The keys with a flow, in the registry's order. */
export const KIOSK_SERVICE_KEYS = Object.keys(SERVICE_FLOWS) as RegisteredServiceKey[];

export function hasServiceFlow(key: string): key is RegisteredServiceKey {
  return Object.hasOwn(SERVICE_FLOWS, key);
}

/** The name the session's setup() knows a flow's actor by. */
export function flowActorName(key: RegisteredServiceKey): string {
  return `${SERVICE_FLOWS[key].state}Flow`;
}

export { submitVia };
