import type { Locale, StaffUserView } from '@eldercare/domain';
import { useEffect, useState } from 'preact/hooks';
import { AdminApiError, type AdminClient } from './admin-client';
import { errorText, translator } from './admin-translator';
import { LoginForm } from './components/login-form/login-form';
import { StatisticsSection } from './statistics/statistics-section';
import { worklistClient } from './worklist/worklist-client';
import { WorklistSection } from './worklist/worklist-section';
import { auditClient } from './audit/audit-client';
import { AuditSection } from './audit/audit-section';
import { homeVisitClient } from './home-visits/home-visit-client';
import { HomeVisitsSection } from './home-visits/home-visits-section';

/** The sections of /admin; officers start at their worklist (工作台). */
type Section = 'statistics' | 'worklist' | 'audit' | 'home-visits';
const ADMIN_ROLES: readonly StaffUserView['role'][] = ['supervisor', 'officer', 'staff'];
/** Who sees which section in the navigation: window staff only 上门办, the audit log only supervisors. */
const SECTION_ROLES: Record<Section, readonly StaffUserView['role'][]> = {
  statistics: ['supervisor', 'officer'],
  worklist: ['supervisor', 'officer'],
  audit: ['supervisor'],
  'home-visits': ['staff', 'supervisor'],
};
const SECTION_LABELS = { statistics: 'admin.nav.statistics', worklist: 'admin.nav.worklist', audit: 'audit.nav', 'home-visits': 'homeVisits.nav' } as const;

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
    document.title = `${t(SECTION_LABELS[section])} · ${t('admin.title')}`;
  }, [locale, section]);

  useEffect(() => {
    client.me().then(
      (res) => signedIn(res.user),
      (err: unknown) => {
        setUser(null);
        if (!(err instanceof AdminApiError && err.status === 401)) setError(err instanceof AdminApiError ? errorText(t, err.code, err.message) : String(err));
      },
    );
  }, [client]);

  function signedIn(next: StaffUserView) {
    setUser(next);
    if (next.role === 'officer') setSection('worklist');
    if (next.role === 'staff') setSection('home-visits');
  }

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
            {(Object.keys(SECTION_ROLES) as Section[])
              .filter((s) => SECTION_ROLES[s].includes(user.role))
              .map((s) => (
                <button key={s} type="button" class="nav" data-testid={`nav-${s}`} aria-current={section === s ? 'page' : undefined} onClick={() => setSection(s)}>
                  {t(SECTION_LABELS[s])}
                </button>
              ))}
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
        {user === null && <LoginForm t={t} client={client} onLoggedIn={signedIn} />}
        {user && !allowed && (
          <p class="error" role="alert" data-testid="not-allowed">
            {t('admin.notAllowed')}
          </p>
        )}
        {user && allowed && section === 'statistics' && <StatisticsSection t={t} locale={locale} client={client} onSessionEnded={() => setUser(null)} />}
        {user && allowed && section === 'audit' && <AuditSection t={t} locale={locale} client={auditClient} onSessionEnded={() => setUser(null)} />}
        {user && allowed && section === 'home-visits' && (
          <HomeVisitsSection t={t} locale={locale} client={homeVisitClient} onSessionEnded={() => setUser(null)} />
        )}
        {user && allowed && section === 'worklist' && (
          <WorklistSection t={t} locale={locale} user={user} client={worklistClient} onSessionEnded={() => setUser(null)} />
        )}
      </main>
    </div>
  );
}
