/** The languages of the app: French first (the working language in Mali and Niger), then English. */
export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
