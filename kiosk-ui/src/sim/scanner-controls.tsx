import type { MessageKey, MessageParams, ScannerStatus } from '@eldercare/domain';
import { useState } from 'preact/hooks';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The simulated scanner: type what the code holds and scan it; the kiosk shows what it made of it. */
export function ScannerControls({ t, status, onScan }: { t: Translate; status: ScannerStatus; onScan: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const [scanned, setScanned] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setScanned(await onScan(text));
  };
  return (
    <form class="scanner" onSubmit={(event) => void submit(event)}>
      <div class="printer-head">
        <strong>{t('sim.scanner')}</strong>
        <span class={`state ${status.state === 'ready' ? 'ok' : 'fault'}`} data-testid="scanner-state">
          {t(`device.state.${status.state}`)}
        </span>
      </div>
      <label>
        <span class="label">{t('sim.scanText')}</span>
        <input
          type="text"
          value={text}
          maxLength={4096}
          autocomplete="off"
          data-testid="scan-text"
          onInput={(event) => {
            setText(event.currentTarget.value);
            setScanned(false);
          }}
        />
      </label>
      <div class="controls">
        <button type="submit" data-testid="scan">
          {t('sim.scan')}
        </button>
        {scanned && <span role="status">{t('sim.scanned')}</span>}
      </div>
    </form>
  );
}
