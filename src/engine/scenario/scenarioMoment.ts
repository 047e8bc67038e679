/** Where a run stands, as a scenario records it: apart from Playback, so the page can compute it from frames. */
import type { ScenarioStep } from './scenario';

/** Where a run stands: every step recorded, the clock, and the timeline's end, all relative to the start. */
export interface ScenarioMoment {
  steps: ScenarioStep[];
  clock: number;
  end: number;
}

/** A moment from its parts (times relative to the start), as the page mirrors them from the worker's frames. */
export function momentFrom(steps: ScenarioStep[], stepsDone: number, clock: number, horizon: number): ScenarioMoment {
  // A step that takes no time (writing a file, a `kubeplay` action) ran at the very moment the clock shows, but a
  // moment means "just before what was done then": record the next millisecond, so opening shows it done.
  const lastRun = steps[stepsDone - 1];
  const moment = lastRun && lastRun.at === clock ? clock + 1 : clock;
  return { steps, clock: moment, end: Math.max(moment, horizon) };
}
