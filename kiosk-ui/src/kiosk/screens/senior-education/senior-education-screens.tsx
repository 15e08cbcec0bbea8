import { findService, localized, type EducationCatalogue, type EducationCourse, type MessageKey } from '@eldercare/domain';
import { chosenCourse, coursesOf, institutionsWithCourses, type seniorEducationFlow } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { NotEligibleScreen } from '../not-eligible/not-eligible-screen';
import { SubmitFailedScreen, SubmittingScreen } from '../submission/submission-screens';
import './education-taxi.css';
import { PhoneEntryScreen } from './phone-entry-screen';
import { useSpokenSentence } from '../../use-spoken-sentence';

type FlowRef = ActorRefFrom<typeof seniorEducationFlow>;

/** 每周一 09:00–11:00 */
function useSchedule() {
  const { t } = useKiosk();
  return (course: EducationCourse) =>
    t('education.schedule', { weekday: t(`education.weekday.${course.weekday}` as MessageKey), startsAt: course.startsAt, endsAt: course.endsAt });
}

function LoadingScreen() {
  const { t } = useKiosk();
  useSpokenSentence('education-loading', ['education.loading.heading']);
  return (
    <Screen name="educationLoading" heading={t('education.loading.heading')}>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

function LoadFailedScreen() {
  const { t, send } = useKiosk();
  useSpokenSentence('education-load-failed', ['education.loadFailed.heading', 'education.loadFailed.body']);
  return (
    <Screen
      name="educationLoadFailed"
      heading={t('education.loadFailed.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.retry')} testId="retry" onTap={() => send({ type: 'flow.retry' })} />
          <FlowBackButton />
        </>
      }
    >
      <p class="lead">{t('education.loadFailed.body')}</p>
    </Screen>
  );
}

function ModeScreen() {
  const { t, send } = useKiosk();
  useSpokenSentence('education-mode', ['education.mode.heading']);
  return (
    <Screen
      name="educationMode"
      heading={t('education.mode.heading')}
      actions={
        <>
          <BigButton variant="primary" class="service-choice" label={t('education.mode.enrol')} hint={t('education.mode.enrolHint')} testId="mode-enrol" onTap={() => send({ type: 'option.choose', value: 'enrol' })} />
          <BigButton class="service-choice" label={t('education.mode.teach')} hint={t('education.mode.teachHint')} testId="mode-teacher" onTap={() => send({ type: 'option.choose', value: 'teacher' })} />
          <FlowBackButton />
        </>
      }
    />
  );
}

function InstitutionScreen({ catalogue }: { catalogue: EducationCatalogue }) {
  const { t, send, locale } = useKiosk();
  useSpokenSentence('education-institution', ['education.institution.heading']);
  return (
    <Screen name="educationInstitution" heading={t('education.institution.heading')} actions={<FlowBackButton />}>
      <div class="choice-list">
        {institutionsWithCourses(catalogue).map((school) => (
          <BigButton
            key={school.id}
            label={localized(locale, school.name)}
            hint={`${localized(locale, school.address)} · ${t('education.institution.courses', { count: coursesOf(catalogue, school.id).filter((c) => c.seatsLeft > 0).length })}`}
            testId={`institution-${school.id}`}
            onTap={() => send({ type: 'option.choose', value: school.id })}
          />
        ))}
      </div>
    </Screen>
  );
}

/** Big cards with the day, the time and the seats left; a full course is listed, not offered. */
function CourseScreen({ catalogue, institutionId }: { catalogue: EducationCatalogue; institutionId: string | null }) {
  const { t, send, locale } = useKiosk();
  const schedule = useSchedule();
  useSpokenSentence('education-course', ['education.course.heading']);
  const courses = coursesOf(catalogue, institutionId);
  const full = courses.filter((c) => c.seatsLeft <= 0);
  return (
    <Screen name="educationCourse" heading={t('education.course.heading')} actions={<FlowBackButton />}>
      <div class="choice-list">
        {courses
          .filter((c) => c.seatsLeft > 0)
          .map((course) => (
            <BigButton
              key={course.id}
              label={localized(locale, course.title)}
              hint={`${schedule(course)} · ${t('education.course.seatsLeft', { seats: course.seatsLeft })}`}
              testId={`course-${course.id}`}
              onTap={() => send({ type: 'option.choose', value: course.id })}
            />
          ))}
      </div>
      {full.length > 0 && (
        <ul class="course-full-list" data-testid="courses-full">
          {full.map((course) => (
            <li key={course.id}>
              {localized(locale, course.title)} · {schedule(course)} · {t('education.course.full')}
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

function SubjectScreen({ catalogue }: { catalogue: EducationCatalogue }) {
  const { t, send, locale } = useKiosk();
  useSpokenSentence('education-subject', ['education.subject.heading']);
  return (
    <Screen name="educationSubject" heading={t('education.subject.heading')} actions={<FlowBackButton />}>
      <div class="choice-grid">
        {catalogue.subjects.map((subject) => (
          <BigButton key={subject.key} label={localized(locale, subject.name)} testId={`subject-${subject.key}`} onTap={() => send({ type: 'option.choose', value: subject.key })} />
        ))}
      </div>
    </Screen>
  );
}

function ConfirmScreen({ lines }: { lines: { label: string; value: string; testId: string }[] }) {
  const { t, send } = useKiosk();
  useSpokenSentence('education-confirming', ['education.confirm.heading']);
  return (
    <Screen
      name="educationConfirming"
      heading={t('education.confirm.heading')}
      actions={
        <>
          <BigButton variant="primary" label={t('kiosk.confirm')} testId="confirm" onTap={() => send({ type: 'flow.confirm' })} />
          <FlowBackButton label="kiosk.change" />
        </>
      }
    >
      <dl class="summary" data-testid="review">
        {lines.map((line) => (
          <>
            <dt key={`${line.testId}-label`}>{line.label}</dt>
            <dd key={line.testId} data-testid={`review-${line.testId}`}>
              {line.value}
            </dd>
          </>
        ))}
      </dl>
    </Screen>
  );
}

/** Renders whichever step of 老年教育报名 the flow is in. */
export function SeniorEducationFlowView({ flow }: { flow: FlowRef }) {
  const { t, locale } = useKiosk();
  const schedule = useSchedule();
  const snapshot = useActorSnapshot(flow);
  const { context } = snapshot;
  const { catalogue } = context;
  if (snapshot.matches('notEligible')) {
    return <NotEligibleScreen serviceName={localized(locale, findService('senior-education').name)} eligibility={context.eligibility} />;
  }
  if (snapshot.matches('loading')) return <LoadingScreen />;
  if (snapshot.matches('loadFailed')) return <LoadFailedScreen />;
  if (snapshot.matches('choosingMode')) return <ModeScreen />;
  if (snapshot.matches('choosingInstitution') && catalogue) return <InstitutionScreen catalogue={catalogue} />;
  if (snapshot.matches('choosingCourse') && catalogue) return <CourseScreen catalogue={catalogue} institutionId={context.institutionId} />;
  if (snapshot.matches('choosingSubject') && catalogue) return <SubjectScreen catalogue={catalogue} />;
  if (snapshot.matches('enteringPhone')) {
    return <PhoneEntryScreen name="educationPhone" heading="education.phone.heading" body="education.phone.body" phone={context.phone} error={context.phoneError} />;
  }
  if (snapshot.matches('confirming')) {
    const course = chosenCourse(context);
    const school = catalogue?.institutions.find((i) => i.id === course?.institutionId);
    const subject = catalogue?.subjects.find((s) => s.key === context.subjectKey);
    const lines = [
      { label: t('education.confirm.name'), value: context.identity.person.nameMasked, testId: 'name' },
      ...(context.mode === 'enrol' && course && school
        ? [
            { label: t('education.details.institution'), value: localized(locale, school.name), testId: 'institution' },
            { label: t('education.details.course'), value: localized(locale, course.title), testId: 'course' },
            { label: t('education.details.schedule'), value: schedule(course), testId: 'schedule' },
          ]
        : [{ label: t('education.details.subject'), value: subject ? localized(locale, subject.name) : '', testId: 'subject' }]),
      { label: t('education.confirm.phone'), value: context.phone, testId: 'phone' },
    ];
    return <ConfirmScreen lines={lines} />;
  }
  if (snapshot.matches('submitting')) return <SubmittingScreen />;
  if (snapshot.matches('submitFailed')) return <SubmitFailedScreen errorCode={context.submitErrorCode} />;
  return null;
}
