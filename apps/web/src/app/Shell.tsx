import { useEffect, useRef } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Alert, Button, Loading } from '../ui/ui';
import { apiProblem } from '../i18n/errors';
import { isManager, MeQuery, type Role } from './me';
import { sessionEnd, setToken, useToken } from './session';

/** The menu of each role: only what the role may open. */
function menuFor(role: Role): { to: string; label: MessageKey }[] {
  if (role === 'FELLOW')
    return [
      { to: '/', label: 'nav.home' },
      { to: '/films', label: 'nav.films' },
      { to: '/cohorts', label: 'nav.cohorts' },
    ];
  if (role === 'TRAINER')
    return [
      { to: '/', label: 'nav.home' },
      { to: '/cohorts', label: 'nav.cohorts' },
      { to: '/sessions', label: 'sessions.menu' },
    ];
  if (isManager(role))
    return [
      { to: '/', label: 'nav.home' },
      { to: '/cohorts', label: 'nav.allCohorts' },
      { to: '/sessions', label: 'sessions.menu' },
      { to: '/films', label: 'nav.allFilms' },
    ];
  return [{ to: '/', label: 'nav.home' }];
}

/** The signed-in frame: header with menu, language and logout, then the page. Without a session, the login page. */
export function Shell() {
  const token = useToken();
  const location = useLocation();
  const navigate = useNavigate();
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: MeQuery, pause: !token });
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // After a navigation, focus goes to the new page (not left on the link), so a screen reader reads it.
  useEffect(() => {
    if (location.pathname !== firstPath.current) main.current?.focus();
    firstPath.current = '';
  }, [location.pathname]);

  if (!token) {
    const why = sessionEnd();
    if (why === 'logout') return <Navigate to="/login" replace />;
    const here = `${location.pathname}${location.search}`;
    const params = new URLSearchParams({ next: here });
    if (why === 'expired') params.set('expired', '1');
    return <Navigate to={`/login?${params}`} replace />;
  }

  const logout = () => {
    setToken(null, 'logout');
    navigate('/login', { replace: true });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <NavLink to="/" className="shell-brand">
          {t('app.name')}
        </NavLink>
        {data && (
          <nav className="shell-nav" aria-label={t('app.menu')}>
            <ul>
              {menuFor(data.me.role).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="shell-tools">
          <LanguageSwitch hideLabel />
          <Button variant="quiet" onClick={logout}>
            {t('app.logout')}
          </Button>
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1} ref={main}>
        {data ? (
          <Outlet context={data.me} />
        ) : error ? (
          <Alert>{t(apiProblem(error).message)}</Alert>
        ) : (
          fetching && <Loading label={t('app.loading')} />
        )}
      </main>
    </>
  );
}
