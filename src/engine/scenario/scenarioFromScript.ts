/**
 * A session script (an example, a teacher's `.sh`) as a scenario: the script runs once on its cluster so that every
 * step gets the moment it ran at — `sleep`s become the time between steps — and the scenario opens at the start.
 */
import { defaultShape } from '../cluster/shape';
import { Playback } from '../playback/playback';
import { ScriptSyntaxError } from '../script/runScript';
import { parseScript } from '../script/parseScript';
import { splitScript } from '../script/splitScript';
import type { Scenario } from './scenario';
import { momentOf } from './scenarioPlayback';
import { scriptHeader } from './scriptHeader';
import { DEFAULT_SEED, DEFAULT_WORKERS, MAX_SCENARIO_SECONDS } from './scenarioDocument';

/**
 * Title and description come from the script's `# ID: …` / `# zh: …` header when `base` has none. Throws
 * ScriptSyntaxError when the script cannot be parsed, as `kubeplay script` refuses it.
 */
export function scenarioFromScript(script: string, base: Partial<Scenario> = {}): Scenario {
  const parsed = parseScript(script);
  if (!parsed.ok) throw new ScriptSyntaxError(parsed.error, parsed.line);
  const seed = base.seed ?? DEFAULT_SEED;
  const cluster = base.cluster ?? defaultShape(DEFAULT_WORKERS);
  const playback = new Playback({ seed, shape: cluster });
  // A scenario spans at most six hours: a dropped script that sleeps or waits longer stops there.
  const limit = playback.start() + MAX_SCENARIO_SECONDS * 1000;
  playback.current().cluster.limitTime(limit);
  for (const chunk of splitScript(script)) {
    if (chunk.kind === 'sleep') playback.advanceTo(Math.min(playback.now() + chunk.ms, limit));
    else playback.run(chunk.script);
  }
  playback.current().cluster.limitTime(undefined);
  const { steps, end } = momentOf(playback);
  return { ...scriptHeader(script), ...base, seed, cluster, steps, clock: 0, end };
}
