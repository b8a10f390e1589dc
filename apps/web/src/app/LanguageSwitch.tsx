import { LOCALES, useI18n, type Locale } from '../i18n/i18n';

/** Language names are written in their own language, so that each reader finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** The language choice, remembered on this device. */
export function LanguageSwitch({ hideLabel = false }: { hideLabel?: boolean }) {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className="language-switch">
      <span className={hideLabel ? 'visually-hidden' : undefined}>{t('app.language')}</span>{' '}
      <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
