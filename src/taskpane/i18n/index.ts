import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ja from './ja.json';
import en from './en.json';

export type Language = 'ja' | 'en';
export const LANGUAGES: readonly Language[] = ['ja', 'en'];
const STORAGE_KEY = 'kyodo-shinchoku.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'ja' || value === 'en';
}

/** localStorage is missing where storage is switched off (some webviews, Node); the DOM types say otherwise. */
function browserStorage(): Storage | undefined {
  return (globalThis as { localStorage?: Storage }).localStorage;
}

/** The language chosen last time on this computer; Japanese when nothing (or nothing readable) is stored. */
export function storedLanguage(): Language {
  try {
    const value = browserStorage()?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'ja';
  } catch {
    return 'ja';
  }
}

export function storeLanguage(language: Language): void {
  try {
    browserStorage()?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode, policy); the choice then lasts for this session only.
  }
}

/** One i18next instance per pane, resources bundled (no loading, ready synchronously). */
export function createI18n(language: Language = 'ja'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ja',
    supportedLngs: [...LANGUAGES],
    resources: { ja: { translation: ja }, en: { translation: en } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
