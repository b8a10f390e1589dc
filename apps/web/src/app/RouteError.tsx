import { useI18n } from '../i18n/i18n';
import { Button, Page } from '../ui/ui';

/** Shown instead of a page that failed to render or to load (e.g. a chunk lost on a dropped connection). */
export function RouteError() {
  const { t } = useI18n();
  return (
    <main className="shell-main">
      <Page title={t('app.error.title')} intro={t('app.error.body')}>
        <Button onClick={() => window.location.reload()}>{t('app.error.reload')}</Button>
      </Page>
    </main>
  );
}
