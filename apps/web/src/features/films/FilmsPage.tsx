import { Link } from 'react-router';
import { useQuery } from 'urql';
import { isManager, useMe } from '../../app/me';
import { apiProblem } from '../../i18n/errors';
import { useI18n } from '../../i18n/i18n';
import { Alert, List, Loading, Page } from '../../ui/ui';
import { FilmCard } from './FilmCard';
import { FilmsQuery, MyFilmsQuery } from './operations';

/**
 * A fellow's own films; for managers, every film they oversee. Poster links are signed for 15 minutes, so a
 * revisit shows the cached list at once and refreshes it (cache-and-network) rather than keep stale links.
 */
export function FilmsPage() {
  const me = useMe();
  return isManager(me.role) ? <AllFilms /> : <MyFilms />;
}

function MyFilms() {
  const { t } = useI18n();
  const [{ data, error }] = useQuery({ query: MyFilmsQuery, requestPolicy: 'cache-and-network' });
  return (
    <Page title={t('films.title')}>
      {error ? (
        <Alert>{t(apiProblem(error).message)}</Alert>
      ) : !data ? (
        <Loading label={t('app.loading')} />
      ) : !data.me.fellow ? (
        <p>{t('films.noFellow')}</p>
      ) : (
        <>
          <p>
            <Link className="button button-primary button-link" to="/films/new">
              {t('newFilm.action')}
            </Link>
          </p>
          <List items={data.me.fellow.films} empty={t('films.empty')} render={(film) => <FilmCard film={film} />} />
        </>
      )}
    </Page>
  );
}

function AllFilms() {
  const { t } = useI18n();
  const [{ data, error }] = useQuery({ query: FilmsQuery, requestPolicy: 'cache-and-network' });
  return (
    <Page title={t('films.allTitle')}>
      {error ? (
        <Alert>{t(apiProblem(error).message)}</Alert>
      ) : !data ? (
        <Loading label={t('app.loading')} />
      ) : (
        <List items={data.films.nodes} empty={t('films.empty')} render={(film) => <FilmCard film={film} />} />
      )}
    </Page>
  );
}
