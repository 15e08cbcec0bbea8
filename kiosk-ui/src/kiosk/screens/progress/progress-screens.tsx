import { formatDate, localized, type ApplicationProgress, type Locale, type MessageKey, type ProgressPart } from '@eldercare/domain';
import { PROGRESS_PREVIOUS, type progressFlow } from '@eldercare/state-machines';
import type { ActorRefFrom } from 'xstate';
import { useActorSnapshot } from '../../../shared/hooks/use-actor-snapshot';
import { BigButton } from '../../components/big-button/big-button';
import { FlowBackButton } from '../../components/flow-back-button/flow-back-button';
import { Screen } from '../../components/screen/screen';
import { useKiosk } from '../../kiosk-context';
import { useSpokenSentence } from '../../use-spoken-sentence';
import './progress.css';

type FlowRef = ActorRefFrom<typeof progressFlow>;

/** ✓ done, ! late or not approved, … under way: the icon says it before the words do. */
function iconOf(part: ProgressPart): { icon: string; tone: string } {
  if (part.status === 'rejected') return { icon: '!', tone: 'stopped' };
  if (part.done) return { icon: '✓', tone: 'done' };
  if (part.late) return { icon: '!', tone: 'late' };
  return { icon: '…', tone: 'pending' };
}

function expectedText(part: ProgressPart, locale: Locale, t: (key: MessageKey, params?: Record<string, string | number>) => string): string | null {
  return part.nextStep && part.expectedBy ? t(`progress.next.${part.nextStep}`, { date: formatDate(locale, part.expectedBy) }) : null;
}

function PartLine({ part }: { part: ProgressPart }) {
  const { t, locale } = useKiosk();
  const { icon, tone } = iconOf(part);
  const expected = expectedText(part, locale, t);
  return (
    <li class={`progress-part ${tone}`} data-testid={`progress-part-${part.partNo}`} data-status={part.status}>
      <span class="icon" aria-hidden="true">
        {icon}
      </span>
      <p class="department">
        {localized(locale, part.serviceName)}｜{localized(locale, part.departmentName)}
      </p>
      <p class="words">{localized(locale, part.words)}</p>
      {expected && <p class="expected">{expected}</p>}
      {part.late && <p class="late-note">{t('progress.late')}</p>}
    </li>
  );
}

function ApplicationScreen({ application, index, count }: { application: ApplicationProgress; index: number; count: number }) {
  const { t, send, locale } = useKiosk();
  const service = localized(locale, application.serviceName);
  const parts = application.parts.map((p) => localized(locale, p.words)).join('；');
  useSpokenSentence('progressApplication', ['progress.heading', { text: t('progress.prompt.one', { service, parts }) }]);
  return (
    <Screen
      name="progressApplication"
      heading={t('progress.heading')}
      actions={
        <>
          {index + 1 < count && <BigButton variant="primary" label={t('progress.next')} testId="progress-next" onTap={() => send({ type: 'flow.next' })} />}
          {index > 0 && (
            <BigButton label={t('progress.previous')} testId="progress-previous" onTap={() => send({ type: 'option.choose', value: PROGRESS_PREVIOUS })} />
          )}
          <BigButton label={t('progress.print')} testId="progress-print" onTap={() => send({ type: 'flow.confirm' })} />
          <FlowBackButton label="progress.back" />
        </>
      }
    >
      <div class="progress-application" data-testid="progress-application" data-application-no={application.applicationNo}>
        {count > 1 && <p class="progress-counter">{t('progress.counter', { index: index + 1, count })}</p>}
        <p class="service">{service}</p>
        <p class="meta">{t('progress.applicationNo', { applicationNo: application.applicationNo })}</p>
        <p class="meta">{t('progress.submittedOn', { date: formatDate(locale, application.submittedOn) })}</p>
        <ul class="progress-parts">
          {application.parts.map((part) => (
            <PartLine key={part.partNo} part={part} />
          ))}
        </ul>
      </div>
    </Screen>
  );
}

/** A screen with one sentence and 返回 (or 再试一次 and 返回). */
function MessageScreen({ name, message, retry }: { name: string; message: MessageKey; retry?: boolean }) {
  const { t, send } = useKiosk();
  useSpokenSentence(name, [message]);
  return (
    <Screen
      name={name}
      heading={t('progress.heading')}
      actions={
        <>
          {retry && <BigButton variant="primary" label={t('progress.retry')} testId="retry" onTap={() => send({ type: 'flow.retry' })} />}
          <FlowBackButton label="progress.back" variant={retry ? 'secondary' : 'primary'} />
        </>
      }
    >
      <p class="lead">{t(message)}</p>
    </Screen>
  );
}

function WaitScreen({ name, message }: { name: string; message: MessageKey }) {
  const { t } = useKiosk();
  useSpokenSentence(name, [message]);
  return (
    <Screen name={name} heading={t(message)}>
      <div class="spinner" role="progressbar" />
    </Screen>
  );
}

/** Renders whichever step of 进度查询 the flow is in. */
export function ProgressFlowView({ flow }: { flow: FlowRef }) {
  const snapshot = useActorSnapshot(flow);
  const { context } = snapshot;
  const applications = context.progress?.applications ?? [];
  const shown = applications[context.index];
  if (snapshot.matches('loading')) return <WaitScreen name="progressLoading" message="progress.loading" />;
  if (snapshot.matches('loadFailed')) return <MessageScreen name="progressLoadFailed" message="progress.loadFailed" retry />;
  if (snapshot.matches('notFound')) return <MessageScreen name="progressNotFound" message="progress.notFound" />;
  if (snapshot.matches('empty')) return <MessageScreen name="progressEmpty" message="progress.empty" />;
  if (snapshot.matches('showing') && shown) return <ApplicationScreen application={shown} index={context.index} count={applications.length} />;
  if (snapshot.matches('printing')) return <WaitScreen name="progressPrinting" message="progress.printing" />;
  if (snapshot.matches('printFailed')) return <MessageScreen name="progressPrintFailed" message="progress.printFailed" retry />;
  return null;
}
