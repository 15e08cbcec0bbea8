import { useState } from 'preact/hooks';
import type { StaffLoginRequest } from '@eldercare/domain';
import type { WindowWords } from '../../window-translator';

/** Username and password; the password lives in this form's state only until it is sent. */
export function LoginForm(props: { words: WindowWords; busy: boolean; errorCode: string | null; onSubmit: (credentials: StaffLoginRequest) => void }) {
  const { t } = props.words;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const message =
    props.errorCode === null ? null : props.errorCode === 'STAFF_SESSION_REQUIRED' ? t('window.sessionExpired') : props.words.error(props.errorCode);
  return (
    <form
      class="wt-login"
      data-testid="login-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (props.busy || !username || !password) return;
        props.onSubmit({ username: username.trim(), password });
        setPassword('');
      }}
    >
      <h2>{t('window.login.heading')}</h2>
      {message && (
        <p class="wt-error" role="alert" data-testid="login-error">
          {message}
        </p>
      )}
      <label>
        {t('window.login.username')}
        <input data-testid="login-username" name="username" autocomplete="username" autoFocus value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
      </label>
      <label>
        {t('window.login.password')}
        <input
          data-testid="login-password"
          name="password"
          type="password"
          autocomplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="wt-button wt-button--primary" data-testid="login-submit" disabled={props.busy || !username || !password}>
        {props.busy ? t('window.login.busy') : t('window.login.submit')}
      </button>
    </form>
  );
}
