/**
 * The app's own interface labels (i18next; resources in ./locales). The form's labels are the form's
 * (./form/labels.en.json). An instance of its own, so the app and the form never share one global's state.
 */
import i18next, { type TOptions } from 'i18next';
import en from './locales/en.json';

const instance = i18next.createInstance();

export async function initI18n(): Promise<void> {
  await instance.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    // Labels are always set as text (textContent, attributes), never as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export function t(key: string, options?: TOptions): string {
  return instance.t(key, options) as string;
}
