import type { Language } from './resources';

/** The learner's saved choice, else the first browser language we have (`zh-CN`, `zh-TW` → zh), else English. */
export function pickLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (saved === 'en' || saved === 'zh') return saved;
  for (const language of browserLanguages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'zh' || primary === 'en') return primary;
  }
  return 'en';
}
