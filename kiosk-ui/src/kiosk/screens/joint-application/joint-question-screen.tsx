import { findService, isMessageKey, localized, type JointOptionsView, type JointServiceKey, type MessageKey } from '@eldercare/domain';
import {
  JOINT_QUESTION_CHOICES,
  JOINT_QUESTION_SERVICE,
  jointQuestionsFor,
  type JointDraft,
  type JointQuestion,
} from '@eldercare/state-machines';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';

interface JointQuestionProps {
  question: JointQuestion;
  joint: JointOptionsView;
  selected: readonly JointServiceKey[];
  draft: JointDraft;
  /** Filled into hints, e.g. the registered address the assessors would visit. */
  addressMasked: string;
}

/** 一表申请: one question of a chosen service; a tap on an answer answers it and moves on. */
export function JointQuestionScreen({ question, joint, selected, draft, addressMasked }: JointQuestionProps) {
  const { t, locale, send } = useKiosk();
  const questions = jointQuestionsFor(selected, joint);
  const heading = t(`kiosk.joint.q.${question}.heading` as MessageKey);
  const progress = t('kiosk.joint.question.progress', {
    service: localized(locale, findService(JOINT_QUESTION_SERVICE[question]).shortName),
    n: questions.indexOf(question) + 1,
    total: questions.length,
  });
  useSpokenSentence(question, [`kiosk.joint.q.${question}.heading` as MessageKey]);
  const current = draft[question];
  return (
    <Screen
      name={`joint-${question}`}
      heading={heading}
      actions={
        <>
          {JOINT_QUESTION_CHOICES[question].map((value) => {
            const hintKey = `kiosk.joint.q.${question}.${value}.hint`;
            const hint = isMessageKey(hintKey) ? t(hintKey, { address: addressMasked }) : null;
            const chosen = current === value;
            return (
              <BigButton
                key={value}
                variant="primary"
                label={t(`kiosk.joint.q.${question}.${value}` as MessageKey)}
                hint={
                  hint || chosen ? (
                    <>
                      {hint}
                      {chosen && <span class="current">✓ {t('kiosk.joint.question.current')}</span>}
                    </>
                  ) : undefined
                }
                testId={`answer-${value}`}
                onTap={() => send({ type: 'option.choose', value })}
              />
            );
          })}
          <FlowBackButton />
        </>
      }
    >
      <p class="joint-progress" data-testid="progress">
        {progress}
      </p>
    </Screen>
  );
}
