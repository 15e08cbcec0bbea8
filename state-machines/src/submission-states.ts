import type { ApplicationView } from '@eldercare/domain';
import { IN_FLIGHT_TAG, type ServiceFlowOutput, type SubmitApplicationInput } from './service-flow-types';

/**
 * The end of every service flow, from 确认 on: submitting (one request; it cannot be cancelled
 * once sent), submitFailed (再试一次 resends the same request with the same idempotency key, so a
 * lost response cannot become a duplicate) and the final `submitted` state. The flow supplies the
 * request and reads back the application; its setup must name the actions clearSubmitError,
 * storeApplication and storeSubmitError, and the actor submitApplication.
 */
export function submissionStates<TContext>(
  pendingSubmission: (context: TContext) => SubmitApplicationInput,
  submittedApplication: (context: TContext) => ApplicationView,
) {
  return {
    submitting: {
      tags: [IN_FLIGHT_TAG],
      entry: 'clearSubmitError',
      on: { 'flow.cancel': {} },
      invoke: {
        id: 'submitApplication',
        src: 'submitApplication',
        input: ({ context }: { context: TContext }) => pendingSubmission(context),
        onDone: {
          target: 'submitted',
          actions: {
            type: 'storeApplication',
            params: ({ event }: { event: { output: ApplicationView } }) => ({ application: event.output }),
          },
        },
        onError: {
          target: 'submitFailed',
          actions: { type: 'storeSubmitError', params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }) },
        },
      },
    },
    submitFailed: {
      on: { 'flow.retry': 'submitting', 'flow.back': 'confirming' },
    },
    submitted: {
      type: 'final',
      output: ({ context }: { context: TContext }): ServiceFlowOutput => ({
        kind: 'submitted',
        application: submittedApplication(context),
      }),
    },
  } as const;
}
