import type { WindowTerminalEvent } from '@eldercare/state-machines';
import { SHORTCUT_KEYS } from '../../window-shortcuts';
import type { WindowWords } from '../../window-translator';
import { ShortcutButton } from '../shortcut-button/shortcut-button';

type Can = (event: WindowTerminalEvent) => boolean;

/**
 * Every action at the counter, with its key. A button the machine would not take now is
 * disabled, so the buttons and the keys always agree.
 */
export function ActionBar(props: { words: WindowWords; can: Can; send: (event: WindowTerminalEvent) => void; paused: boolean; serving: boolean }) {
  // While a ticket is served, F2 only explains (finish or no-show first): it is not the main button then.
  const { t } = props.words;
  const button = (testId: string, event: WindowTerminalEvent, label: string, shortcut?: string, tone?: 'primary' | 'warn') => (
    <ShortcutButton testId={testId} shortcut={shortcut} disabled={!props.can(event)} onPress={() => props.send(event)} tone={tone}>
      {label}
    </ShortcutButton>
  );
  return (
    <nav class="wt-actions" aria-label={t('window.title')}>
      <div class="wt-actions__calling">
        {button('action-callNext', { type: 'ticket.callNext' }, t('window.action.callNext'), SHORTCUT_KEYS.callNext, props.serving ? undefined : 'primary')}
        {button('action-recall', { type: 'ticket.recall' }, t('window.action.recall'), SHORTCUT_KEYS.recall)}
        {button('action-noShow', { type: 'ticket.noShow' }, t('window.action.noShow'), SHORTCUT_KEYS.noShow, 'warn')}
        {button('action-finish', { type: 'ticket.finish' }, t('window.action.finish'), SHORTCUT_KEYS.finish, 'primary')}
        {button('action-transfer', { type: 'transfer.start' }, t('window.action.transfer'), SHORTCUT_KEYS.transfer)}
      </div>
      <div class="wt-actions__counter">
        {props.paused
          ? button('action-resume', { type: 'counter.resume' }, t('window.action.resume'), SHORTCUT_KEYS.pauseResume)
          : button('action-pause', { type: 'counter.pause' }, t('window.action.pause'), SHORTCUT_KEYS.pauseResume)}
        {button('action-open', { type: 'counter.open' }, t('window.action.open'), SHORTCUT_KEYS.open)}
        {button('action-close', { type: 'counter.close' }, t('window.action.close'), SHORTCUT_KEYS.close)}
      </div>
    </nav>
  );
}
