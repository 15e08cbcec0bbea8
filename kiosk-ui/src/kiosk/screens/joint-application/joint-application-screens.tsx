import { APPLICATION_TYPES, localized } from '@eldercare/domain';
import { JOINT_QUESTIONS, jointAnswersFor, type jointApplicationFlow } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { useKiosk } from '../../kiosk-context';
import { NotEligibleScreen } from '../not-eligible/not-eligible-screen';
import { SubmitFailedScreen, SubmittingScreen } from '../submission/submission-screens';
import { ChooseServicesScreen } from './choose-services-screen';
import { JointNoticeScreen } from './joint-notice-screen';
import { JointPhoneScreen } from './joint-phone-screen';
import { JointQuestionScreen } from './joint-question-screen';
import { JointReviewScreen } from './joint-review-screen';
import './joint-application.css';

type FlowRef = ActorRefFrom<typeof jointApplicationFlow>;

/** Renders whichever step of 养老服务“一件事”联办 the flow is in. */
export function JointApplicationFlowView({ flow }: { flow: FlowRef }) {
  const { locale } = useKiosk();
  const snapshot = useActorSnapshot(flow);
  const { context } = snapshot;
  const { joint } = context;
  if (snapshot.matches('notEligible') || joint === null) {
    return <NotEligibleScreen serviceName={localized(locale, APPLICATION_TYPES['ltc-joint'].name)} eligibility={context.eligibility} />;
  }
  if (snapshot.matches('choosing')) {
    return <ChooseServicesScreen joint={joint} selected={context.selected} noneChosen={context.choiceError === 'none-chosen'} />;
  }
  if (snapshot.matches('notice')) return <JointNoticeScreen selected={context.selected} />;
  const question = JOINT_QUESTIONS.find((q) => snapshot.value === q);
  if (question) {
    return (
      <JointQuestionScreen
        question={question}
        joint={joint}
        selected={context.selected}
        draft={context.draft}
        addressMasked={context.identity.person.registeredAddressMasked}
      />
    );
  }
  if (snapshot.matches('enteringPhone')) return <JointPhoneScreen phone={context.phone} error={context.phoneError} />;
  if (snapshot.matches('confirming')) {
    return <JointReviewScreen answers={jointAnswersFor(joint, context.selected, context.draft, context.phone)} proxy={context.proxy} />;
  }
  if (snapshot.matches('submitting')) return <SubmittingScreen />;
  if (snapshot.matches('submitFailed')) return <SubmitFailedScreen errorCode={context.submitErrorCode} />;
  return null;
}
