import { decodeScenarioLink } from './scenarioLink';
import { parseScenario, type ScenarioResult } from './scenarioFile';

/** A scenario from text someone has: a share link (a whole URL or just its fragment) or a scenario file. */
export function readScenarioText(text: string): ScenarioResult {
  const fragment = /(?:^|#)(s\d+\.[A-Za-z0-9_-]*)\s*$/.exec(text.trim());
  return fragment ? decodeScenarioLink(fragment[1]!) : parseScenario(text);
}
