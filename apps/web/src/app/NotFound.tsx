import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/ui';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFound.title')} intro={t('app.notFound.body')}>
      <Link to="/">{t('app.backHome')}</Link>
    </Page>
  );
}
