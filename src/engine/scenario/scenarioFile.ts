/**
 * A scenario as YAML text: the `.kubeplay.yaml` file a teacher writes or exports, and (without the comment header)
 * what a share link compresses.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node as YamlNode } from 'yaml';
import type { Scenario } from './scenario';
import { checkScenario, scenarioDocument } from './scenarioDocument';

/** Why a scenario cannot be opened, for a page to say in the learner's language (`error` says it in English). */
export const SCENARIO_PROBLEMS = [
  'too-long',
  'not-a-link',
  'newer',
  'unknown-format',
  'damaged',
  'cut-short',
  'too-large',
  'invalid',
] as const;
export type ScenarioProblem = (typeof SCENARIO_PROBLEMS)[number];

export type ScenarioResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; problem: ScenarioProblem; error: string; line?: number; column?: number; version?: number };

const HEADER = `# A Kube Playground scenario. Open it in the playground (Import, or drop this file on the page),
# or play it headless: npx kubeplay scenario FILE
`;

/** The scenario as YAML; `header` adds the comment that says what the file is. */
export function formatScenario(scenario: Scenario, options: { header?: boolean } = {}): string {
  const text = stringify(scenarioDocument(scenario), { lineWidth: 0, blockQuote: 'literal', indentSeq: false });
  return options.header ? HEADER + text : text;
}

/** Reads a scenario file or a link's text: YAML errors with line and column, then every field checked. */
export function parseScenario(text: string): ScenarioResult {
  const parsed = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const syntax = parsed.errors[0];
  if (syntax)
    return {
      ok: false,
      problem: 'invalid',
      error: `YAML: ${syntax.message.split('\n')[0]}`,
      ...lineAndColumn(text, syntax.pos[0]),
    };
  const at = (path: (string | number)[]) => lineAndColumn(text, fieldOffset(parsed, path));
  const checked = checkScenario(parsed.toJS() as unknown);
  if (checked.ok) return checked;
  const { path = [], ...problem } = checked;
  return { ...at(path), ...problem, problem: problem.version === undefined ? 'invalid' : 'newer' };
}

/** Where a field starts: its key in a mapping, the item in a list. */
function fieldOffset(parsed: Document, path: (string | number)[]): number | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length > 1 ? parsed.getIn(path.slice(0, -1), true) : parsed.contents;
  const last = path.at(-1);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') return (parent.items[last] as YamlNode | undefined)?.range?.[0];
  return undefined;
}

function lineAndColumn(text: string, offset: number | undefined): { line?: number; column?: number } {
  if (offset === undefined) return {};
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
