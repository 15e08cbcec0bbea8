import { findService, localized, APPLICATION_TYPES, type MessageKey } from '@eldercare/domain';
import { explainStates, stepInState, type FormFlowMachine, type FormFlowSpec } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { NotEligibleScreen } from '../not-eligible/not-eligible-screen';
import { SubmitFailedScreen, SubmittingScreen } from '../submission/submission-screens';
import { reviewLines } from './form-flow-labels';
import { ChooseStepScreen, DigitsStepScreen, ExplainScreen, ToggleStepScreen } from './form-step-screens';
import { useSpokenSentence } from '../../use-spoken-sentence';

type FlowRef = ActorRefFrom<FormFlowMachine>;

/** 确认: what will be sent, one line per step that applies; or a flow's own one-tap screen (领取). */
export interface ReviewText {
  heading: MessageKey;
  body?: MessageKey;
  confirm: MessageKey;
}

const REVIEW: ReviewText = { heading: 'kioskServices.confirming.heading', confirm: 'kiosk.confirm' };

function ReviewScreen({ lines, name, text }: { lines: { field: string; label: string; value: string }[]; name: string; text: ReviewText }) {
  const { t, send } = useKiosk();
  const heading = t(text.heading);
  const body = text.body ? t(text.body) : null;
  useSpokenSentence(`${name}-confirming`, text.body ? [text.heading, text.body] : [text.heading]);
  return (
    <Screen
      name="confirming"
      heading={heading}
      actions={
        <>
          <BigButton variant="primary" label={t(text.confirm)} testId="confirm" onTap={() => send({ type: 'flow.confirm' })} />
          <FlowBackButton label={lines.length > 1 ? 'kiosk.change' : 'kiosk.back'} />
        </>
      }
    >
      {body && <p class="lead">{body}</p>}
      <dl class="summary" data-testid="review">
        {lines.map((line) => (
          <>
            <dt key={`${line.field}-label`}>{line.label}</dt>
            <dd key={line.field} data-testid={`review-${line.field}`}>
              {line.value}
            </dd>
          </>
        ))}
      </dl>
    </Screen>
  );
}

/** Renders whichever step of a form flow (state-machines/src/flow-steps) is current. */
export function FormFlowView({ flow, spec, review = REVIEW }: { flow: FlowRef; spec: FormFlowSpec; review?: ReviewText }) {
  const { t, locale } = useKiosk();
  const snapshot = useActorSnapshot(flow);
  const { context } = snapshot;
  const state = String(snapshot.value);
  if (state === 'notEligible') {
    const name = spec.serviceKey in APPLICATION_TYPES ? APPLICATION_TYPES[spec.serviceKey as keyof typeof APPLICATION_TYPES].name : findService(spec.serviceKey).name;
    return <NotEligibleScreen serviceName={localized(locale, name)} eligibility={context.eligibility} />;
  }
  if (state === 'submitting') return <SubmittingScreen />;
  if (state === 'submitFailed') return <SubmitFailedScreen errorCode={context.submitErrorCode} />;
  if (state === 'confirming') {
    const lines = [
      { field: 'name', label: t('kioskServices.field.name'), value: context.identity.person.nameMasked },
      ...reviewLines(t, locale, spec.steps, context.answers),
    ];
    return <ReviewScreen lines={lines} name={spec.id} text={review} />;
  }
  if (explainStates(spec.steps).some((e) => e.state === state)) return <ExplainScreen state={state} />;
  const step = stepInState(spec.steps, state);
  if (!step) return null;
  const props = { answers: context.answers, error: context.fieldError };
  if (step.kind === 'choose') return <ChooseStepScreen key={state} step={step} options={step.options(context)} {...props} />;
  if (step.kind === 'toggle') return <ToggleStepScreen key={state} step={step} options={step.options(context)} {...props} />;
  return <DigitsStepScreen key={state} step={step} options={[]} {...props} />;
}
