/** What went wrong opening a link, an example or a file (the learner's workspace stays as it was), or a note. */
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';

export function ScenarioBanner() {
  const { t } = useTranslation();
  const message = usePlayground((s) => s.scenarioMessage);
  const dismiss = usePlayground((s) => s.dismissScenarioMessage);
  if (!message) return null;
  return (
    <p
      role={message.tone === 'error' ? 'alert' : 'status'}
      className={`banner ${message.tone === 'error' ? 'banner-error' : ''}`}
      data-scenario-message={message.tone}
    >
      {message.text}{' '}
      <button type="button" onClick={dismiss}>
        {t('app.dismiss')}
      </button>
    </p>
  );
}
