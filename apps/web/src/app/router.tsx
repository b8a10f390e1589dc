import { createBrowserRouter } from 'react-router';
import { RouteError } from './RouteError';
import { Shell } from './Shell';
import { Loading } from '../ui/ui';
import { useI18n } from '../i18n/i18n';

function BootLoading() {
  const { t } = useI18n();
  return <Loading label={t('app.loading')} />;
}

/**
 * Every page is its own chunk, loaded when first visited: the first load carries the shell and one page only.
 * Paths are deep links: a reloaded or shared address opens the same page.
 */
export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // While the first page's code arrives (seconds on a slow phone link), a loading line, as index.html had.
    HydrateFallback: BootLoading,
    children: [
      { path: '/login', lazy: () => import('../features/auth/LoginPage').then((m) => ({ Component: m.LoginPage })) },
      { path: '/invitation', lazy: () => import('../features/auth/InvitationPage').then((m) => ({ Component: m.InvitationPage })) },
      {
        path: '/',
        Component: Shell,
        children: [
          { index: true, lazy: () => import('../features/home/HomePage').then((m) => ({ Component: m.HomePage })) },
          { path: 'films', lazy: () => import('../features/films/FilmsPage').then((m) => ({ Component: m.FilmsPage })) },
          { path: 'films/new', lazy: () => import('../features/films/NewFilmPage').then((m) => ({ Component: m.NewFilmPage })) },
          { path: 'films/:filmId', lazy: () => import('../features/films/FilmPage').then((m) => ({ Component: m.FilmPage })) },
          { path: 'cohorts', lazy: () => import('../features/cohorts/CohortsPage').then((m) => ({ Component: m.CohortsPage })) },
          { path: 'cohorts/:cohortId', lazy: () => import('../features/cohorts/CohortPage').then((m) => ({ Component: m.CohortPage })) },
          { path: 'sessions', lazy: () => import('../features/training/SessionsPage').then((m) => ({ Component: m.SessionsPage })) },
          {
            path: 'cohorts/:cohortId/sessions/new',
            lazy: () => import('../features/training/NewSessionPage').then((m) => ({ Component: m.NewSessionPage })),
          },
          { path: 'fellows/:fellowId', lazy: () => import('../features/fellows/FellowPage').then((m) => ({ Component: m.FellowPage })) },
          {
            path: 'sessions/:sessionId',
            lazy: () => import('../features/training/SessionPage').then((m) => ({ Component: m.SessionPage })),
          },
          { path: '*', lazy: () => import('./NotFound').then((m) => ({ Component: m.NotFound })) },
        ],
      },
    ],
  },
]);
