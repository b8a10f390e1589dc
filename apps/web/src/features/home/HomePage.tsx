import { Link } from 'react-router';
import { isManager, useMe } from '../../app/me';
import { useI18n } from '../../i18n/i18n';
import { Page } from '../../ui/ui';
import { FellowJourney } from './FellowJourney';
import { TrainerHome } from './TrainerHome';

/** The first page after signing in: a fellow's own training at a glance; for the others, the way to their work. */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Page title={t('home.title', { name: me.fullName })} intro={t(`role.${me.role}`)}>
      {me.role === 'FELLOW' &&
        (me.fellow ? (
          <>
            <p>
              {t('home.fellow')} <Link to="/films">{t('nav.films')}</Link>
            </p>
            <FellowJourney fellowId={me.fellow.id} />
          </>
        ) : (
          <p>{t('films.noFellow')}</p>
        ))}
      {me.role === 'TRAINER' && (
        <p>
          {t('home.trainer')} <Link to="/cohorts">{t('nav.cohorts')}</Link>
        </p>
      )}
      {me.role === 'TRAINER' && <TrainerHome />}
      {isManager(me.role) && (
        <p>
          {t('home.manager')} <Link to="/cohorts">{t('nav.allCohorts')}</Link> · <Link to="/films">{t('nav.allFilms')}</Link>
        </p>
      )}
    </Page>
  );
}
