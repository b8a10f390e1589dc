import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { apiProblem } from '../i18n/errors';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { Page } from '../ui/ui';

/** What ids look like in this API (UUIDs): an address with anything else names nothing. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (value: string | undefined): value is string => value !== undefined && ID.test(value);

/**
 * A page that cannot be shown, with its title and the way home. Something that does not exist and something
 * that is not hers are told alike (`notFound`, e.g. "This film does not exist or you cannot see it"): even a
 * refusal would say it exists. Other failures (no network, a server error) say so, in the user's language.
 */
export function ProblemPage({ error, notFound }: { error?: CombinedError; notFound: MessageKey }) {
  const { t } = useI18n();
  const problem = error ? apiProblem(error) : undefined;
  const hidden = !problem || problem.code === 'NOT_FOUND' || problem.code === 'FORBIDDEN' || problem.code === 'BAD_USER_INPUT';
  return (
    <Page title={t(hidden ? 'app.notFound.title' : 'app.error.title')} intro={t(hidden ? notFound : problem.message)}>
      <Link to="/">{t('app.backHome')}</Link>
    </Page>
  );
}
