import { linkFragmentIn } from './scenarioAddress';
import { decodeScenarioLink } from './scenarioLink';
import { parseScenario, type ScenarioResult } from './scenarioFile';

/** A scenario from text someone has: a share link (a whole URL or just its fragment) or a scenario file. */
export function readScenarioText(text: string): ScenarioResult {
  const fragment = linkFragmentIn(text);
  return fragment ? decodeScenarioLink(fragment) : parseScenario(text);
}
