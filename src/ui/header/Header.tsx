/** The page's title bar: the product, the scenario's controls, the language, sharing. */
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/i18n';
import { Icon } from '../icons/Icon';
import { LANGUAGES, type Language } from '../i18n/resources';
import { ScenarioMenu } from '../scenario/ScenarioMenu';
import { ShareButton } from '../scenario/ShareButton';
import './header.css';

export function Header() {
  const { t, i18n } = useTranslation();
  return (
    <header className="page-header">
      <h1>Kube Playground</h1>
      <p className="tagline">{t('header.tagline')}</p>
      <label className="language">
        <Icon name="language" />
        <select
          aria-label="Language"
          value={i18n.language}
          onChange={(event) => setLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`header.language.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <ScenarioMenu />
      <ShareButton />
    </header>
  );
}
