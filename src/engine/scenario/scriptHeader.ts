/**
 * The header an example script starts with — `# ID: English line` then `# zh: 中文` — as a scenario's title and
 * description, so a script written for the gallery carries its own words.
 */
import type { Scenario } from './scenario';

export function scriptHeader(script: string): Pick<Scenario, 'title' | 'description'> {
  const [first = '', second = ''] = script.split('\n');
  const titled = /^# ([A-Z]\d{3}-[a-z0-9-]+): (.+)$/.exec(first);
  if (!titled) return {};
  const zh = /^# zh: (.+)$/.exec(second)?.[1];
  return { title: titled[1]!, description: { en: titled[2]!, ...(zh ? { zh } : {}) } };
}
