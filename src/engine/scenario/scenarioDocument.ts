/**
 * A scenario as plain data, the way its file writes it (times in seconds, defaults left out), and the check that
 * turns such data back into a scenario or says what is wrong and where. No YAML here: the page keeps its autosaved
 * workspaces as this data, without the YAML library.
 */
import { parseClusterShape } from '../cluster/parseClusterShape';
import { defaultShape, type ClusterShape, type NodeShape } from '../cluster/shape';
import { semanticEqual } from '../api/semanticEqual';
import { SCENARIO_API_VERSION, SCENARIO_KIND, type Scenario, type ScenarioStep, type ScenarioView } from './scenario';
import { SPEEDS } from '../playback/speeds';
import { parseScript, type ScriptStep } from '../script/parseScript';

/** The default cluster: `master1` and three workers. */
export const DEFAULT_WORKERS = 3;
export const DEFAULT_SEED = 1;
/** More than this many steps is not a learner's session; refusing it bounds what a link can make the page run. */
const MAX_STEPS = 2_000;

const TOP_FIELDS = [
  'apiVersion',
  'kind',
  'title',
  'description',
  'seed',
  'cluster',
  'clock',
  'end',
  'steps',
  'editor',
  'view',
];

/** Seconds, as the file writes times: at most millisecond precision. */
const toSeconds = (ms: number) => Math.round(ms) / 1000;

/** The scenario as the plain data a file or a link writes: seconds, defaults left out. */
export function scenarioDocument(scenario: Scenario): Record<string, unknown> {
  const fields: Record<string, unknown> = { apiVersion: SCENARIO_API_VERSION, kind: SCENARIO_KIND };
  if (scenario.title) fields.title = scenario.title;
  if (scenario.description && (scenario.description.en || scenario.description.zh))
    fields.description = scenario.description;
  if (scenario.seed !== DEFAULT_SEED) fields.seed = scenario.seed;
  const cluster = compactCluster(scenario.cluster);
  if (cluster) fields.cluster = cluster;
  if (scenario.clock !== 0) fields.clock = toSeconds(scenario.clock);
  // Left out when it is where the timeline ends anyway: the clock, or just past the last step.
  const last = scenario.steps.at(-1);
  if (scenario.end !== undefined && scenario.end > Math.max(scenario.clock, last ? last.at + 1 : 0))
    fields.end = toSeconds(scenario.end);
  if (scenario.steps.length > 0)
    fields.steps = scenario.steps.map((step) => ({ at: toSeconds(step.at), run: step.run }));
  if (scenario.editor) fields.editor = scenario.editor;
  const view = compactView(scenario.view);
  if (view) fields.view = view;
  return fields;
}

/** `workers: N` for the default shape with N workers, the node list otherwise; nothing for the default cluster. */
function compactCluster(shape: ClusterShape): Record<string, unknown> | undefined {
  const workers = shape.nodes.length - 1;
  if (workers >= 0 && semanticEqual(shape, defaultShape(workers)))
    return workers === DEFAULT_WORKERS ? undefined : { workers };
  return { nodes: shape.nodes.map(compactNode) };
}

/** A node with the fields that differ from what `parseClusterShape` fills in. */
function compactNode(node: NodeShape): Record<string, unknown> {
  const written: Record<string, unknown> = { name: node.name };
  const filled = parseClusterShape({ nodes: [{ name: node.name, role: node.role }] });
  const defaults = filled.ok ? filled.shape.nodes[0]! : node;
  for (const field of ['role', 'cpu', 'memory', 'pods', 'labels', 'taints', 'images'] as const) {
    if (field === 'role' ? node.role !== 'worker' : !semanticEqual(node[field], defaults[field]))
      written[field] = node[field];
  }
  return written;
}

function compactView(view: ScenarioView | undefined): ScenarioView | undefined {
  if (!view) return undefined;
  const written: ScenarioView = {};
  if (view.selected) written.selected = view.selected;
  if (view.speed !== undefined && view.speed !== 1) written.speed = view.speed;
  if (view.playing) written.playing = true;
  return Object.keys(written).length > 0 ? written : undefined;
}

export type CheckedScenario =
  { ok: true; scenario: Scenario } | { ok: false; error: string; path?: (string | number)[]; version?: number };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A scenario spans at most six hours of cluster time: opening one simulates up to its clock, and a link must not be
 * able to keep the learner's engine busy for minutes.
 */
export const MAX_SCENARIO_SECONDS = 6 * 3_600;

const isSeconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_SCENARIO_SECONDS;

/** The virtual time a step's own `sleep` lines take, in seconds. */
function sleptSeconds(steps: ScriptStep[]): number {
  return steps.reduce((total, step) => total + (step.kind === 'sleep' ? step.ms / 1000 : 0), 0);
}

/** The scenario a parsed document describes, or what is wrong with it and where. */
export function checkScenario(value: unknown): CheckedScenario {
  if (!isRecord(value))
    return { ok: false, error: 'a scenario is a YAML mapping (apiVersion: kubeplay/v1, kind: Scenario, …)' };
  const version = /^kubeplay\/v(\d+)$/.exec(String(value.apiVersion ?? ''));
  if (!version)
    return {
      ok: false,
      error: `not a Kube Playground scenario: apiVersion must be ${SCENARIO_API_VERSION}, got ${JSON.stringify(value.apiVersion ?? null)}`,
      path: ['apiVersion'],
    };
  const number = Number(version[1]);
  if (`kubeplay/v${number}` !== SCENARIO_API_VERSION)
    return {
      ok: false,
      error: `this scenario was made by a newer Kube Playground (format ${version[1]}); this page reads format ${SCENARIO_API_VERSION}`,
      path: ['apiVersion'],
      version: number,
    };
  if (value.kind !== SCENARIO_KIND)
    return {
      ok: false,
      error: `kind must be ${SCENARIO_KIND}, got ${JSON.stringify(value.kind ?? null)}`,
      path: ['kind'],
    };
  const unknown = Object.keys(value).find((key) => !TOP_FIELDS.includes(key));
  if (unknown) return { ok: false, error: `unknown field "${unknown}"`, path: [unknown] };

  const { title, description, seed = DEFAULT_SEED, cluster, clock = 0, end, steps = [], editor, view } = value;
  if (title !== undefined && typeof title !== 'string')
    return { ok: false, error: 'title must be text', path: ['title'] };
  if (
    description !== undefined &&
    !(
      isRecord(description) &&
      Object.entries(description).every(([k, v]) => ['en', 'zh'].includes(k) && typeof v === 'string')
    )
  )
    return { ok: false, error: 'description must map en and zh to text', path: ['description'] };
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0)
    return { ok: false, error: 'seed must be a non-negative integer', path: ['seed'] };
  const shape = checkCluster(cluster);
  if (!shape.ok) return shape;
  if (!isSeconds(clock))
    return { ok: false, error: 'clock must be a number of seconds from the start, at most six hours', path: ['clock'] };
  if (end !== undefined && !isSeconds(end))
    return { ok: false, error: 'end must be a number of seconds from the start, at most six hours', path: ['end'] };
  const checkedSteps = checkSteps(steps);
  if (!checkedSteps.ok) return checkedSteps;
  if (editor !== undefined && typeof editor !== 'string')
    return { ok: false, error: 'editor must be text', path: ['editor'] };
  const checkedView = checkView(view);
  if (!checkedView.ok) return checkedView;

  const scenario: Scenario = {
    seed,
    cluster: shape.shape,
    steps: checkedSteps.steps,
    clock: Math.round(clock * 1000),
  };
  if (end !== undefined) scenario.end = Math.round(end * 1000);
  if (title !== undefined) scenario.title = title;
  if (description !== undefined) scenario.description = description as Scenario['description'];
  if (editor !== undefined) scenario.editor = editor;
  if (checkedView.view) scenario.view = checkedView.view;
  return { ok: true, scenario };
}

function checkCluster(
  cluster: unknown,
): { ok: true; shape: ClusterShape } | { ok: false; error: string; path: string[] } {
  if (cluster === undefined) return { ok: true, shape: defaultShape(DEFAULT_WORKERS) };
  if (isRecord(cluster) && 'workers' in cluster) {
    const { workers } = cluster;
    if (
      Object.keys(cluster).length !== 1 ||
      typeof workers !== 'number' ||
      !Number.isInteger(workers) ||
      workers < 0 ||
      workers > 100
    )
      return {
        ok: false,
        error: 'cluster.workers must be a whole number from 0 to 100, alone or replaced by nodes',
        path: ['cluster', 'workers'],
      };
    return { ok: true, shape: defaultShape(workers) };
  }
  const parsed = parseClusterShape(cluster);
  return parsed.ok ? parsed : { ok: false, error: `cluster: ${parsed.error}`, path: ['cluster'] };
}

function checkSteps(
  steps: unknown,
): { ok: true; steps: ScenarioStep[] } | { ok: false; error: string; path: (string | number)[] } {
  if (!Array.isArray(steps)) return { ok: false, error: 'steps must be a list of { at, run }', path: ['steps'] };
  if (steps.length > MAX_STEPS) return { ok: false, error: `more than ${MAX_STEPS} steps`, path: ['steps'] };
  const checked: ScenarioStep[] = [];
  for (const [index, step] of steps.entries()) {
    const path = ['steps', index];
    if (!isRecord(step) || Object.keys(step).some((key) => key !== 'at' && key !== 'run'))
      return { ok: false, error: `steps[${index}] must be { at, run }`, path };
    if (!isSeconds(step.at))
      return {
        ok: false,
        error: `steps[${index}].at must be seconds from the start, at most six hours`,
        path: [...path, 'at'],
      };
    if (typeof step.run !== 'string' || step.run.trim() === '')
      return { ok: false, error: `steps[${index}].run must be a command or script text`, path: [...path, 'run'] };
    const parsed = parseScript(step.run);
    if (!parsed.ok)
      return { ok: false, error: `steps[${index}].run, line ${parsed.line}: ${parsed.error}`, path: [...path, 'run'] };
    if (step.at + sleptSeconds(parsed.steps) > MAX_SCENARIO_SECONDS)
      return { ok: false, error: `steps[${index}] sleeps beyond six hours from the start`, path: [...path, 'run'] };
    const at = Math.round(step.at * 1000);
    if (at < (checked.at(-1)?.at ?? 0))
      return { ok: false, error: `steps[${index}].at is earlier than the step before it`, path: [...path, 'at'] };
    checked.push({ at, run: step.run });
  }
  return { ok: true, steps: checked };
}

function checkView(view: unknown): { ok: true; view?: ScenarioView } | { ok: false; error: string; path: string[] } {
  if (view === undefined) return { ok: true };
  if (!isRecord(view)) return { ok: false, error: 'view must be a mapping', path: ['view'] };
  const { selected, speed, playing, ...rest } = view;
  const unknown = Object.keys(rest)[0];
  if (unknown) return { ok: false, error: `unknown field "view.${unknown}"`, path: ['view', unknown] };
  if (selected !== undefined && (typeof selected !== 'string' || !/^[A-Za-z]+\/[^/]+(\/[^/]+)?$/.test(selected)))
    return { ok: false, error: 'view.selected must be Kind/namespace/name or Kind/name', path: ['view', 'selected'] };
  if (speed !== undefined && !(SPEEDS as readonly unknown[]).includes(speed))
    return { ok: false, error: `view.speed must be one of ${SPEEDS.join(', ')}`, path: ['view', 'speed'] };
  if (playing !== undefined && typeof playing !== 'boolean')
    return { ok: false, error: 'view.playing must be true or false', path: ['view', 'playing'] };
  return {
    ok: true,
    view: {
      ...(selected !== undefined ? { selected: selected as string } : {}),
      ...(speed !== undefined ? { speed: speed as number } : {}),
      ...(playing !== undefined ? { playing } : {}),
    },
  };
}
