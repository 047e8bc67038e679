/**
 * The page's strings, in English and Simplified Chinese (i18next). The language comes from the learner's last
 * choice, else the browser's; kubectl output is never translated, as kubectl prints it in English.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage } from './pickLanguage';
import { resources, type Language } from './resources';

export const LANGUAGE_KEY = 'kube-playground:language';

export function initI18n(): typeof i18next {
  const language = pickLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(resources.en),
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  void i18next.changeLanguage(language);
}
