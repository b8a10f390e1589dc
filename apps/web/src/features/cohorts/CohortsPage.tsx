import { Link } from 'react-router';
import { useQuery } from 'urql';
import { isManager, useMe } from '../../app/me';
import { apiProblem } from '../../i18n/errors';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Alert, Badge, List, Loading, Page } from '../../ui/ui';
import { CohortsQuery } from './operations';

/** The cohorts the API lets this person see: a trainer's own, all of them for managers. */
export function CohortsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const [{ data, error }] = useQuery({ query: CohortsQuery });
  return (
    <Page title={t(isManager(me.role) ? 'cohorts.allTitle' : 'cohorts.title')}>
      {error ? (
        <Alert>{t(apiProblem(error).message)}</Alert>
      ) : !data ? (
        <Loading label={t('app.loading')} />
      ) : (
        <List
          items={data.cohorts.nodes}
          empty={t('cohorts.empty')}
          render={(cohort) => (
            <>
              <Link className="card-title" to={`/cohorts/${cohort.id}`}>
                {cohort.name}
              </Link>{' '}
              <Badge tone={cohort.status === 'ACTIVE' ? 'good' : 'neutral'}>{t(`cohortStatus.${cohort.status}`)}</Badge>
              <p className="muted">{cohort.programme.name}</p>
              {cohort.startDate && cohort.endDate && (
                <p>{t('cohorts.dates', { start: formatDate(locale, cohort.startDate), end: formatDate(locale, cohort.endDate) })}</p>
              )}
            </>
          )}
        />
      )}
    </Page>
  );
}
