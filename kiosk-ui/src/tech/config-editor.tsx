import type { ConfigIssue, ConfigReload, TechConfig, TechConfigResult } from '@eldercare/domain';
import { useEffect, useState } from 'preact/hooks';
import { ConfigRejectedError, type TechClient } from './tech-client';
import type { Translate } from './use-translate';

/**
 * The agent's config file as JSON text. Saving sends it to the agent, which validates it (the
 * named errors are shown here), writes it and reopens only the devices whose settings changed.
 */
export function ConfigEditor({ t, tech, lastReload, onSaved }: { t: Translate; tech: TechClient; lastReload: ConfigReload | undefined; onSaved: () => Promise<void> }) {
  const [config, setConfig] = useState<TechConfig | null>(null);
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<ConfigIssue[] | null>(null);
  const [saved, setSaved] = useState<TechConfigResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      const next = await tech.config();
      setConfig(next);
      setText(next.text);
      setIssues(null);
      setSaved(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  useEffect(() => void load(), [tech]);

  const save = async () => {
    setBusy(true);
    setIssues(null);
    setSaved(null);
    setError(null);
    try {
      setSaved(await tech.saveConfig(text));
      await onSaved();
    } catch (err) {
      if (err instanceof ConfigRejectedError) setIssues(err.issues);
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel config" aria-labelledby="config-title">
      <h2 id="config-title">{t('tech.config')}</h2>
      <p>{config?.path ? t('tech.config.path', { path: config.path }) : t('tech.config.noFile')}</p>
      {lastReload && !lastReload.ok && (
        <div class="error" role="alert" data-testid="last-reload-failed">
          {t('tech.config.lastReloadFailed')}
          <IssueList issues={lastReload.issues} />
        </div>
      )}
      <label for="config-text" class="visually-hidden">{t('tech.config')}</label>
      <textarea id="config-text" data-testid="config-text" spellcheck={false} rows={24} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-invalid={issues ? 'true' : 'false'} aria-describedby="config-feedback" />
      <div class="actions">
        <button type="button" onClick={() => void save()} disabled={busy} data-testid="config-save">
          {t('tech.config.validateSave')}
        </button>
        <button type="button" class="secondary" onClick={() => void load()} disabled={busy}>
          {t('tech.config.reload')}
        </button>
      </div>
      <div id="config-feedback" aria-live="polite">
        {error && <p class="error">{error}</p>}
        {issues && (
          <div class="error" data-testid="config-issues">
            {t('tech.config.invalid')}
            <IssueList issues={issues} />
          </div>
        )}
        {saved && (
          <div data-testid="config-saved">
            <p>{saved.saved ? t('tech.config.saved') : t('tech.config.applied')}</p>
            {saved.reload.reopened.length > 0 && <p>{t('tech.config.reopened', { parts: saved.reload.reopened.join(', ') })}</p>}
            {saved.reload.restartNeeded.length > 0 && <p class="warning">{t('tech.config.restartNeeded', { keys: saved.reload.restartNeeded.join(', ') })}</p>}
          </div>
        )}
      </div>
    </section>
  );
}

function IssueList({ issues }: { issues: ConfigIssue[] }) {
  return (
    <ul>
      {issues.map((issue) => (
        <li key={issue.path + issue.message}>
          <code>{issue.path || '(file)'}</code>: {issue.message}
        </li>
      ))}
    </ul>
  );
}
