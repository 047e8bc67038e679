/**
 * Play, pause, step, speed, the cluster clock, and the timeline to scrub back through the run. The controls'
 * accessible names (Play, Pause, Step, Speed, Cluster time) are a contract for outside tooling and stay English;
 * their visible labels and hints follow the page's language.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { SPEEDS } from '../../worker/protocol';
import { Icon } from '../icons/Icon';
import { formatClusterTime, formatElapsed } from './formatTime';
import { timelineMarks } from './timelineMarks';
import './timeline.css';

/** Virtual ms per slider step (arrow keys move one step). */
const SCRUB_STEP_MS = 100;

export function Timeline() {
  const { t } = useTranslation();
  const clock = usePlayground((s) => s.clock);
  const events = usePlayground((s) => s.events);
  const steps = usePlayground((s) => s.steps);
  const play = usePlayground((s) => s.play);
  const pause = usePlayground((s) => s.pause);
  const stepForward = usePlayground((s) => s.stepForward);
  const setSpeed = usePlayground((s) => s.setSpeed);
  const seek = usePlayground((s) => s.seek);
  const start = clock?.start ?? 0;
  const horizon = clock?.horizon ?? 0;
  // The slider moves in SCRUB_STEP_MS steps: it shows the clock rounded down onto that grid (never past the
  // horizon, its max), so the browser keeps exactly the value React gives it.
  const shown = clock ? start + Math.floor((clock.now - start) / SCRUB_STEP_MS) * SCRUB_STEP_MS : 0;
  const marks = useMemo(
    () =>
      timelineMarks(
        events,
        steps.map((step) => start + step.at),
        start,
        horizon,
      ),
    [events, steps, start, horizon],
  );

  return (
    <section className="timeline" aria-label={t('timeline.region')}>
      <div className="timeline-controls">
        <button
          type="button"
          aria-label="Play"
          onClick={play}
          disabled={!clock || clock.playing}
          title={t('timeline.playHint')}
        >
          <Icon name="play" /> {t('timeline.play')}
        </button>
        <button
          type="button"
          aria-label="Pause"
          onClick={pause}
          disabled={!clock || !clock.playing}
          title={t('timeline.pauseHint')}
        >
          <Icon name="pause" /> {t('timeline.pause')}
        </button>
        <button type="button" aria-label="Step" onClick={stepForward} disabled={!clock} title={t('timeline.stepHint')}>
          <Icon name="step" /> {t('timeline.step')}
        </button>
        <label className="timeline-speed">
          <span>{t('timeline.speed')}</span>
          <select
            aria-label="Speed"
            value={clock?.speed ?? 1}
            onChange={(event) => setSpeed(Number(event.target.value))}
            disabled={!clock}
          >
            {SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
        <time
          className="timeline-clock"
          aria-label="Cluster time"
          dateTime={clock ? new Date(clock.now).toISOString() : undefined}
        >
          {clock ? formatClusterTime(clock.now) : '—'}
        </time>
        <span className="timeline-elapsed">{clock ? formatElapsed(clock.now - start) : ''}</span>
      </div>
      <div className="timeline-track">
        <input
          type="range"
          aria-label={t('timeline.scrub')}
          min={start}
          max={Math.max(horizon, start + 1)}
          step={SCRUB_STEP_MS}
          value={shown}
          disabled={!clock}
          aria-valuetext={clock ? `${formatClusterTime(clock.now)} (${formatElapsed(clock.now - start)})` : ''}
          onChange={(event) => {
            // React puts a controlled range back to its shown value until the seek's frame arrives, and the
            // browser may report that as a change: an event carrying the shown value is not a move.
            const time = Number(event.target.value);
            if (time !== shown) seek(time);
          }}
        />
        <div className="timeline-marks" aria-hidden="true">
          {marks.map((mark, index) => (
            <span
              key={index}
              className={`timeline-mark timeline-mark-${mark.kind}`}
              style={{ left: `${mark.at * 100}%` }}
              title={mark.kind === 'step' ? t('timeline.stepMark') : mark.label}
            />
          ))}
        </div>
        <div className="timeline-ends">
          <span>{formatElapsed(0)}</span>
          <span>{formatElapsed(horizon - start)}</span>
        </div>
      </div>
    </section>
  );
}
