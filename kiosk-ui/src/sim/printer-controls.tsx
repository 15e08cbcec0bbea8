import type { MessageKey, MessageParams, PrinterRole, PrinterStatus } from '@eldercare/domain';

type Translate = (key: MessageKey, params?: MessageParams) => string;
type PaperState = 'ok' | 'near-end' | 'out';

const PAPER_BUTTONS: { state: PaperState; label: MessageKey }[] = [
  { state: 'out', label: 'sim.paperOut' },
  { state: 'near-end', label: 'sim.paperNearEnd' },
  { state: 'ok', label: 'sim.paperLoad' },
];

/**
 * One simulated printer: its state and queue as the agent sees them, and what a trainer does to
 * it (take the paper away, let it run low, load a new roll, open or close the cover).
 */
export function PrinterControls({ t, role, status, onPaper, onCover }: {
  t: Translate;
  role: PrinterRole;
  status: PrinterStatus;
  onPaper: (state: PaperState) => void;
  onCover: (open: boolean) => void;
}) {
  const fault = status.state !== 'ready';
  return (
    <div class="printer" data-printer={role}>
      <div class="printer-head">
        <strong>{t(`printer.role.${role}`)}</strong>
        <span class={`state ${fault ? 'fault' : 'ok'}`} data-testid={`printer-state-${role}`} data-state={status.state}>
          {t(`device.state.${status.state}`)}
        </span>
      </div>
      <p class="queue" data-testid={`printer-queue-${role}`}>
        {t('sim.queued', { count: status.queued })}
      </p>
      {status.held && (
        <p class="held" data-testid={`printer-held-${role}`}>
          {t('sim.held')}
        </p>
      )}
      <div class="controls" role="group" aria-label={t('sim.paper')}>
        <span class="label">{t('sim.paper')}</span>
        {PAPER_BUTTONS.map(({ state, label }) => (
          <button type="button" class="secondary" key={state} data-testid={`paper-${state}-${role}`} onClick={() => onPaper(state)}>
            {t(label)}
          </button>
        ))}
      </div>
      <div class="controls" role="group" aria-label={t('sim.cover')}>
        <span class="label">{t('sim.cover')}</span>
        <button type="button" class="secondary" data-testid={`cover-open-${role}`} onClick={() => onCover(true)}>
          {t('sim.coverOpen')}
        </button>
        <button type="button" class="secondary" data-testid={`cover-close-${role}`} onClick={() => onCover(false)}>
          {t('sim.coverClose')}
        </button>
      </div>
    </div>
  );
}
