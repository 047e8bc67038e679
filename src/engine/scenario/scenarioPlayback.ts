/**
 * A scenario and a Playback, both ways: opening a scenario builds its cluster and places the clock; the moment a
 * Playback stands at is what a share link or an autosave records.
 */
import { Playback } from '../playback/playback';
import type { SessionOptions } from '../session/session';
import type { Scenario } from './scenario';
import { momentFrom, type ScenarioMoment } from './scenarioMoment';

/** A cluster built as the scenario says, with its steps run up to its clock and the rest waiting for their moment. */
export function openScenario(scenario: Scenario, sessionOptions: SessionOptions = {}): Playback {
  const playback = new Playback({ seed: scenario.seed, shape: scenario.cluster }, sessionOptions);
  const start = playback.start();
  const steps = scenario.steps.map((step) => ({ at: start + step.at, script: step.run }));
  playback.plan(steps, start + (scenario.end ?? 0));
  playback.advanceTo(start + scenario.clock);
  return playback;
}

/** The moment a Playback stands at, as a scenario records it. */
export function momentOf(playback: Playback): ScenarioMoment {
  const start = playback.start();
  const steps = playback.recorded().map((step) => ({ at: step.at - start, run: step.script }));
  return momentFrom(steps, playback.stepsDone(), playback.now() - start, playback.horizon() - start);
}
