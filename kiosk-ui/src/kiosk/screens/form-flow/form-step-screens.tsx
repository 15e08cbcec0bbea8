import type { FieldError, FormAnswers, FormStep, KeypadDigit } from '@eldercare/state-machines';
import { listAnswer, textAnswer } from '@eldercare/state-machines';
import { isMessageKey } from '@eldercare/domain';
import { useState } from 'preact/hooks';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Keypad } from '../../components/keypad/keypad';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { groupedDigits, optionLabel, serviceKey } from './form-flow-labels';
import { useSpokenSentence } from '../../use-spoken-sentence';

/** Streets per page: with 下一步-less choice screens, six big buttons and the page button fit. */
const PAGE_SIZE = 6;

interface StepProps<S extends FormStep> {
  step: S;
  options: readonly string[];
  answers: FormAnswers;
  error: FieldError | null;
}

/** The heading and the optional line under it, both spoken. */
function useStepText(state: string) {
  const { t } = useKiosk();
  const headingKey = serviceKey(`${state}.heading`);
  const bodyKey = `kioskServices.${state}.body`;
  useSpokenSentence(state, isMessageKey(bodyKey) ? [headingKey, bodyKey] : [headingKey]);
  const heading = t(headingKey);
  const body = isMessageKey(bodyKey) ? t(bodyKey) : null;
  return { heading, body };
}

function FieldErrorLine({ error }: { error: FieldError | null }) {
  const { t } = useKiosk();
  if (!error) return null;
  return (
    <p class="field-error" role="alert" data-testid="field-error">
      {t(serviceKey(`error.${error}`))}
    </p>
  );
}

/** One tap chooses and moves on; a long list (the streets) pages. */
export function ChooseStepScreen({ step, options, answers }: StepProps<Extract<FormStep, { kind: 'choose' }>>) {
  const { t, locale, send } = useKiosk();
  const { heading, body } = useStepText(step.state);
  const [page, setPage] = useState(0);
  const paged = options.length > PAGE_SIZE + 1;
  const shown = paged ? options.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) : options;
  const chosen = textAnswer(answers, step.field);
  return (
    <Screen
      name={step.state}
      heading={heading}
      actions={
        <>
          {shown.map((value) => (
            <BigButton
              key={value}
              variant={value === chosen ? 'primary' : 'secondary'}
              label={optionLabel(t, locale, step.field, value)}
              testId={`option-${value}`}
              onTap={() => send({ type: 'option.choose', value })}
            />
          ))}
          {paged && (
            <BigButton
              label={t('kioskServices.moreStreets')}
              testId="more-options"
              onTap={() => setPage((page + 1) % Math.ceil(options.length / PAGE_SIZE))}
            />
          )}
          <FlowBackButton />
        </>
      }
    >
      {body && <p>{body}</p>}
    </Screen>
  );
}

/** Items tap on and off (✓ shows the chosen ones), then 下一步. */
export function ToggleStepScreen({ step, options, answers, error }: StepProps<Extract<FormStep, { kind: 'toggle' }>>) {
  const { t, locale, send } = useKiosk();
  const { heading } = useStepText(step.state);
  const chosen = listAnswer(answers, step.field);
  return (
    <Screen
      name={step.state}
      heading={heading}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.next')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      <p>{t('kioskServices.chooseAtLeastOne')}</p>
      <FieldErrorLine error={error} />
      <div class="screen-actions" role="group">
        {options.map((value) => {
          const on = chosen.includes(value);
          return (
            <BigButton
              key={value}
              variant={on ? 'primary' : 'secondary'}
              label={`${on ? '✓ ' : ''}${optionLabel(t, locale, step.field, value)}`}
              hint={on ? t('kioskServices.selected') : undefined}
              testId={`toggle-${value}`}
              onTap={() => send({ type: 'option.toggle', value })}
            />
          );
        })}
      </div>
    </Screen>
  );
}

/** Digits on the big keypad, shown as typed (a bank card in groups of four). */
export function DigitsStepScreen({ step, answers, error }: StepProps<Extract<FormStep, { kind: 'digits' }>>) {
  const { t, send } = useKiosk();
  const { heading, body } = useStepText(step.state);
  const typed = textAnswer(answers, step.field);
  return (
    <Screen
      name={step.state}
      heading={heading}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.next')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      {body && <p>{body}</p>}
      <p class="application-no" data-testid="digits" aria-label={typed}>
        {typed === '' ? t('kioskServices.digitsEmpty') : step.rule === 'bank-card' ? groupedDigits(typed) : typed}
      </p>
      <FieldErrorLine error={error} />
      <Keypad
        deleteLabel={t('kiosk.keypad.delete')}
        clearLabel={t('kiosk.keypad.clear')}
        onDigit={(digit) => send({ type: 'keypad.digit', digit: digit as KeypadDigit })}
        onDelete={() => send({ type: 'keypad.delete' })}
        onClear={() => send({ type: 'keypad.clear' })}
      />
    </Screen>
  );
}

/** Why a choice cannot go on (e.g. 都没有 → who may apply instead): back to the choice, or to the menu. */
export function ExplainScreen({ state }: { state: string }) {
  const { t, send } = useKiosk();
  const { heading, body } = useStepText(state);
  return (
    <Screen
      name={state}
      heading={heading}
      actions={
        <>
          <BigButton variant="primary" label={t('kioskServices.done')} testId="done" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      {body && <p class="notice">{body}</p>}
    </Screen>
  );
}
