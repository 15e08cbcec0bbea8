import type { Locale, StaffUserView } from '@eldercare/domain';
import { useEffect, useState } from 'preact/hooks';
import { AdminApiError, type AdminClient } from './admin-client';
import { errorText, translator } from './admin-translator';
import { LoginForm } from './components/login-form/login-form';
import { StatisticsSection } from './statistics/statistics-section';

/** The sections of /admin. Issue 5 adds the officers' worklist here. */
type Section = 'statistics';
const ADMIN_ROLES: readonly StaffUserView['role'][] = ['supervisor', 'officer'];

/**
 * The /admin shell: session (login, who is logged in, logout), language, and the section
 * navigation; each section is its own component.
 */
export function AdminApp({ client, initialLocale }: { client: AdminClient; initialLocale: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = translator(locale);
  // undefined: still asking the server whether a session exists.
  const [user, setUser] = useState<StaffUserView | null | undefined>(undefined);
  const [section, setSection] = useState<Section>('statistics');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${t('admin.nav.statistics')} · ${t('admin.title')}`;
  }, [locale]);

  useEffect(() => {
    client.me().then(
      (res) => setUser(res.user),
      (err: unknown) => {
        setUser(null);
        if (!(err instanceof AdminApiError && err.status === 401)) setError(err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err));
      },
    );
  }, [client]);

  const logout = async () => {
    await client.logout().catch(() => undefined);
    setUser(null);
  };

  const allowed = user ? ADMIN_ROLES.includes(user.role) : false;
  return (
    <div class="admin">
      <header class="admin-header">
        <h1>{t('admin.title')}</h1>
        {user && allowed && (
          <nav aria-label={t('admin.title')}>
            <button type="button" class="nav" aria-current={section === 'statistics' ? 'page' : undefined} onClick={() => setSection('statistics')}>
              {t('admin.nav.statistics')}
            </button>
          </nav>
        )}
        <div class="session">
          {user && (
            <span data-testid="signed-in-as">{t('admin.signedInAs', { displayName: user.displayName, role: t(`admin.role.${user.role}`) })}</span>
          )}
          <button type="button" class="secondary" lang={locale === 'zh-CN' ? 'en' : 'zh-CN'} onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('admin.language')}
          </button>
          {user && (
            <button type="button" class="secondary" data-testid="logout" onClick={logout}>
              {t('admin.logout')}
            </button>
          )}
        </div>
      </header>
      <main>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {user === null && <LoginForm t={t} client={client} onLoggedIn={setUser} />}
        {user && !allowed && (
          <p class="error" role="alert" data-testid="not-allowed">
            {t('admin.notAllowed')}
          </p>
        )}
        {user && allowed && section === 'statistics' && <StatisticsSection t={t} locale={locale} client={client} onSessionEnded={() => setUser(null)} />}
      </main>
    </div>
  );
}
