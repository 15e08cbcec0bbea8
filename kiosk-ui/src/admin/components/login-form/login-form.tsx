import type { StaffUserView } from '@eldercare/domain';
import { useState } from 'preact/hooks';
import { AdminApiError, type AdminClient } from '../../admin-client';
import { errorText, type Translate } from '../../admin-translator';

/** Username and password; the session comes back as an HttpOnly cookie. */
export function LoginForm({ t, client, onLoggedIn }: { t: Translate; client: AdminClient; onLoggedIn: (user: StaffUserView) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { user } = await client.login(username.trim(), password);
      setPassword('');
      onLoggedIn(user);
    } catch (err) {
      setError(err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="login panel" onSubmit={submit} data-testid="login-form" aria-labelledby="login-title">
      <h2 id="login-title">{t('admin.login.title')}</h2>
      <label>
        <span>{t('admin.login.username')}</span>
        <input name="username" autoComplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        <span>{t('admin.login.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </label>
      {error && (
        <p class="error" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('admin.login.busy') : t('admin.login.submit')}
      </button>
    </form>
  );
}
