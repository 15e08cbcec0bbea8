import type { IdentifyResponse, PrintResult, ProgressResponse } from '@eldercare/domain';
import { assign, setup } from 'xstate';
import { errorCode } from './error-code';
import { hostActorMissing } from './host-actor-missing';
import { newIdempotencyKey } from './idempotency-key';
import { IN_FLIGHT_TAG, type ServiceFlowInput, type ServiceFlowOutput } from './service-flow-types';

/**
 * 进度查询 (一体管理): the progress of the person's applications, one application per screen
 * (下一件 / 上一件), 打印 prints a progress slip, 返回 goes back. Started after a card read
 * (all the senior's applications) or from a scanned receipt on the welcome screen (that one
 * application, no card: `identity` null and the `receiptCode`).
 */

export type ProgressFlowInput = Omit<ServiceFlowInput, 'identity'> & {
  identity: IdentifyResponse | null;
  receiptCode?: string | null;
};

/** Input of the host actor `loadProgress`: POST /progress, or GET /progress/receipt/:code. */
export type LoadProgressInput = { identifyToken: string } | { receiptCode: string };

/** Input of the host actor `printProgress`: compose the slip and print it on the receipt printer. */
export interface PrintProgressInput {
  progress: ProgressResponse;
  /** Made once per slip, so 再试一次 can never print it twice. */
  printId: string;
}

export interface ProgressFlowContext {
  lookup: LoadProgressInput | null;
  progress: ProgressResponse | null;
  /** The application on screen (0 = newest). */
  index: number;
  printId: string | null;
  errorCode: string | null;
}

export type ProgressFlowEvent =
  | { type: 'flow.next' }
  | { type: 'flow.back' }
  | { type: 'flow.cancel' }
  | { type: 'flow.confirm' }
  | { type: 'flow.retry' }
  | { type: 'option.choose'; value: string };

/** option.choose values of the application screen. */
export const PROGRESS_PREVIOUS = 'previous';

function lookupOf(input: ProgressFlowInput): LoadProgressInput | null {
  if (input.identity) return { identifyToken: input.identity.identifyToken };
  if (input.receiptCode) return { receiptCode: input.receiptCode };
  return null;
}

function loaded(context: ProgressFlowContext): ProgressResponse {
  if (context.progress === null) throw new Error('progressFlow: printing before the progress was loaded');
  return context.progress;
}

export const progressFlow = setup({
  types: {} as {
    context: ProgressFlowContext;
    events: ProgressFlowEvent;
    input: ProgressFlowInput;
    output: ServiceFlowOutput;
  },
  actors: {
    /** Host: POST /api/v1/progress {identifyToken} or GET /api/v1/progress/receipt/{code}. */
    loadProgress: hostActorMissing<ProgressResponse, LoadProgressInput>('loadProgress'),
    /** Host: compose the progress slip (domain composeProgressSlip) and POST it to the agent. */
    printProgress: hostActorMissing<PrintResult, PrintProgressInput>('printProgress'),
  },
  guards: {
    canLookUp: ({ context }) => context.lookup !== null,
    hasApplications: (_, params: { progress: ProgressResponse }) => params.progress.applications.length > 0,
    hasNext: ({ context }) => context.index + 1 < (context.progress?.applications.length ?? 0),
    canShowPrevious: ({ context }, params: { value: string }) => params.value === PROGRESS_PREVIOUS && context.index > 0,
    receiptNotFound: ({ context }, params: { error: unknown }) => context.lookup !== null && 'receiptCode' in context.lookup && errorCode(params.error) === 'NOT_FOUND',
    printFailed: (_, params: { result: PrintResult }) => params.result.state === 'failed',
  },
  actions: {
    storeProgress: assign((_, params: { progress: ProgressResponse }) => ({ progress: params.progress, index: 0 })),
    storeError: assign((_, params: { error: unknown }) => ({ errorCode: errorCode(params.error) })),
    storePrintFailure: assign((_, params: { result: PrintResult }) => ({ errorCode: params.result.code ?? null })),
    clearError: assign({ errorCode: null }),
    showNext: assign(({ context }) => ({ index: context.index + 1 })),
    showPrevious: assign(({ context }) => ({ index: context.index - 1 })),
    // One id per slip: a retry after a failure sends the same one.
    preparePrint: assign(({ context }) => ({ printId: context.printId ?? newIdempotencyKey() })),
  },
}).createMachine({
  id: 'progressFlow',
  context: ({ input }) => ({ lookup: lookupOf(input), progress: null, index: 0, printId: null, errorCode: null }),
  initial: 'starting',
  // flow.cancel leaves from every screen; `printing` overrides it (the slip is on its way).
  on: { 'flow.cancel': '.back' },
  output: ({ event }) => event.output as ServiceFlowOutput,
  states: {
    starting: {
      always: [{ guard: 'canLookUp', target: 'loading' }, { target: 'back' }],
    },
    loading: {
      entry: 'clearError',
      invoke: {
        src: 'loadProgress',
        input: ({ context }) => context.lookup!,
        onDone: [
          {
            guard: { type: 'hasApplications', params: ({ event }) => ({ progress: event.output }) },
            target: 'showing',
            actions: { type: 'storeProgress', params: ({ event }) => ({ progress: event.output }) },
          },
          { target: 'empty', actions: { type: 'storeProgress', params: ({ event }) => ({ progress: event.output }) } },
        ],
        onError: [
          {
            guard: { type: 'receiptNotFound', params: ({ event }) => ({ error: event.error }) },
            target: 'notFound',
            actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) },
          },
          { target: 'loadFailed', actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) } },
        ],
      },
      on: { 'flow.back': 'back' },
    },
    loadFailed: {
      on: { 'flow.retry': 'loading', 'flow.back': 'back' },
    },
    notFound: {
      on: { 'flow.back': 'back' },
    },
    empty: {
      on: { 'flow.back': 'back' },
    },
    showing: {
      on: {
        'flow.next': { guard: 'hasNext', actions: 'showNext' },
        'option.choose': {
          guard: { type: 'canShowPrevious', params: ({ event }) => ({ value: event.value }) },
          actions: 'showPrevious',
        },
        'flow.confirm': { target: 'printing', actions: 'preparePrint' },
        'flow.back': 'back',
      },
    },
    printing: {
      tags: [IN_FLIGHT_TAG],
      entry: 'clearError',
      on: { 'flow.cancel': {} },
      invoke: {
        src: 'printProgress',
        input: ({ context }) => ({ progress: loaded(context), printId: context.printId! }),
        onDone: [
          {
            guard: { type: 'printFailed', params: ({ event }) => ({ result: event.output }) },
            target: 'printFailed',
            actions: { type: 'storePrintFailure', params: ({ event }) => ({ result: event.output }) },
          },
          // printed, or held: the agent keeps the job and prints it once the fault is cleared.
          { target: 'finished' },
        ],
        onError: { target: 'printFailed', actions: { type: 'storeError', params: ({ event }) => ({ error: event.error }) } },
      },
    },
    printFailed: {
      on: { 'flow.retry': 'printing', 'flow.back': 'showing' },
    },
    finished: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'finished' }) },
    back: { type: 'final', output: (): ServiceFlowOutput => ({ kind: 'back' }) },
  },
});
