import type { MessageKey } from '@eldercare/domain';
import { PHONE_DIGITS, type KeypadDigit, type PhoneError } from '@eldercare/state-machines';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Keypad } from '../../components/keypad/keypad';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';

/** The mobile number on the large keypad, for 老年教育 and 叫车 (who calls it says `body`). */
export function PhoneEntryScreen({ name, heading, body, phone, error }: { name: string; heading: MessageKey; body: MessageKey; phone: string; error: PhoneError | null }) {
  const { t, send } = useKiosk();
  useSpokenSentence(name, [heading, body]);
  const boxes = Array.from({ length: PHONE_DIGITS }, (_, i) => phone[i] ?? '');
  return (
    <Screen
      name={name}
      heading={t(heading)}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.next')} testId="next" onTap={() => send({ type: 'flow.next' })} />
          <FlowBackButton />
        </>
      }
    >
      <p>{t(body)}</p>
      <div class="phone-display" data-testid="phone" aria-label={phone}>
        {boxes.map((digit, i) => (
          <span key={i}>{digit}</span>
        ))}
      </div>
      {error && (
        <p class="field-error" role="alert" data-testid="phone-error">
          {t(error === 'too-short' ? 'kiosk.seniorCard.phoneTooShort' : 'kiosk.seniorCard.phoneInvalid')}
        </p>
      )}
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
