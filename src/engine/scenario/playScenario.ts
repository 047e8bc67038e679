/** A scenario played headless from its start to its end, as `kubeplay scenario` prints it. */
import type { ScriptRun } from '../script/runScript';
import type { Scenario } from './scenario';
import { openScenario } from './scenarioPlayback';

/** Runs every step at its moment and the cluster on to the scenario's end; the transcript has no `sleep` lines. */
export function playScenario(scenario: Scenario): ScriptRun {
  const playback = openScenario({ ...scenario, clock: 0 });
  const end = Math.max(scenario.end ?? 0, scenario.clock, scenario.steps.at(-1)?.at ?? 0);
  // A step at exactly the end has not run at the end: go one millisecond past it.
  playback.advanceTo(playback.start() + end + 1);
  const steps = playback.takeReplayed().flatMap((step) => step.results);
  let transcript = '';
  for (const step of steps) {
    transcript += `$ ${step.command}\n${step.stdout}${step.stderr}`;
    for (const hint of step.hints) transcript += `# hint: ${hint}\n`;
  }
  return { transcript, steps };
}
