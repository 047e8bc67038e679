/**
 * Why the cluster did what it did: the controllers' decisions with their reasons, newest first, for the selected
 * object (and what it owns) or for everything.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { formatElapsed } from '../timeline/formatTime';
import { relatedDecisions } from './relatedDecisions';
import { translateDecision } from './translateDecision';
import './why.css';

const SHOWN = 80;

export function WhyPanel() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh' ? 'zh' : 'en';
  const decisions = usePlayground((s) => s.decisions);
  const selected = usePlayground((s) => s.selected);
  const view = usePlayground((s) => s.view);
  const start = usePlayground((s) => s.clock?.start ?? 0);
  const [onlySelected, setOnlySelected] = useState(true);
  const shown = useMemo(
    () =>
      relatedDecisions(decisions, onlySelected ? selected : undefined, view)
        .slice(-SHOWN)
        .reverse(),
    [decisions, onlySelected, selected, view],
  );

  return (
    <section className="why" aria-label={t('why.region')}>
      <header>
        <h2>{t('why.title')}</h2>
        <label>
          <input type="checkbox" checked={onlySelected} onChange={(event) => setOnlySelected(event.target.checked)} />{' '}
          {t('why.onlySelected')}
        </label>
      </header>
      {shown.length === 0 ? (
        <p className="muted">{t('why.empty')}</p>
      ) : (
        <ol className="why-list" aria-live="polite">
          {shown.map((decision, index) => (
            <li key={`${decision.time}-${index}`}>
              <span className="why-time">{formatElapsed(decision.time - start)}</span>{' '}
              <span className="why-object">
                {decision.object.kind.toLowerCase()}/{decision.object.name}
              </span>{' '}
              <span className="why-text" title={language === 'zh' ? decision.text : undefined}>
                {translateDecision(decision.text, language)}
              </span>
              <span className="why-controller">{decision.controller}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
