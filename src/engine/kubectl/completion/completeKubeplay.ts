/** Completing the playground's own actions (`kubeplay node fail worker1`, `kubeplay probe fail web-0 liveness`). */
import type { ApiClient } from '../../api/types';
import { objectNames, podContainers, type CompletionContext } from './clusterNames';
import { matching, type Completion } from './completeKubectl';

const NOUNS = ['load', 'machine', 'node', 'pod', 'probe'];
const VERBS: Record<string, readonly string[]> = {
  node: ['add', 'fail', 'pressure', 'recover', 'remove'],
  machine: ['add'],
  pod: ['kill'],
  probe: ['fail', 'heal'],
};
const POD_FLAGS = ['--container', '--namespace', '-c', '-n'];
/** The flags of each action, by `noun verb` (`load` has no verb). */
const FLAGS: Record<string, readonly string[]> = {
  'node add': ['--control-plane', '--cpu', '--memory'],
  'machine add': ['--cpu', '--memory'],
  load: ['--namespace', '-n'],
  'pod kill': POD_FLAGS,
  'probe fail': POD_FLAGS,
  'probe heal': POD_FLAGS,
};
const VALUE_FLAGS: Record<string, 'namespace' | 'container'> = {
  '-n': 'namespace',
  '--namespace': 'namespace',
  '-c': 'container',
  '--container': 'container',
};

interface TypedAction {
  positional: string[];
  values: Partial<Record<'namespace' | 'container', string>>;
  /** The word being completed is the value of this flag. */
  pending?: 'namespace' | 'container';
}

function readAction(words: readonly string[]): TypedAction {
  const typed: TypedAction = { positional: [], values: {} };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const flag = VALUE_FLAGS[word];
    if (flag) {
      if (i + 1 < words.length) typed.values[flag] = words[++i]!;
      else typed.pending = flag;
    } else if (word.startsWith('--namespace=')) typed.values.namespace = word.slice('--namespace='.length);
    else if (word.startsWith('--container=')) typed.values.container = word.slice('--container='.length);
    else if (!word.startsWith('-')) typed.positional.push(word);
  }
  return typed;
}

/** Completes `current` (starting at `from`) after `kubeplay` and the action's earlier `words`. */
export function completeKubeplay(
  api: ApiClient,
  namespace: string,
  words: readonly string[],
  current: string,
  from: number,
): Completion {
  const typed = readAction(words);
  const ctx: CompletionContext = { api, namespace: typed.values.namespace ?? namespace };
  const [noun, verb, target] = typed.positional;
  const candidates = (values: readonly string[]): Completion => ({ from, candidates: matching(values, current) });
  if (typed.pending === 'namespace') return candidates(objectNames(ctx, 'namespaces'));
  if (typed.pending === 'container')
    return candidates(target === undefined ? [] : (podContainers(ctx, target) ?? []).map((c) => c.name));
  if (current.startsWith('-')) return candidates(FLAGS[noun === 'load' ? 'load' : `${noun} ${verb}`] ?? []);
  const at = typed.positional.length;
  if (at === 0) return candidates(NOUNS);
  if (noun === 'load') return candidates(at === 1 ? objectNames(ctx, 'services').map((s) => `service/${s}`) : []);
  if (at === 1) return candidates(VERBS[noun!] ?? []);
  if (noun === 'node' && at === 2 && verb !== 'add') return candidates(objectNames(ctx, 'nodes'));
  if ((noun === 'pod' && verb === 'kill') || (noun === 'probe' && (verb === 'fail' || verb === 'heal'))) {
    if (at === 2) return candidates(objectNames(ctx, 'pods'));
    if (noun === 'probe' && at === 3) return candidates(probeTypes(ctx, target!, typed.values.container));
  }
  return candidates([]);
}

/** The probes the container has (the pod's first container by default); all three when the pod is unknown. */
function probeTypes(ctx: CompletionContext, pod: string, container: string | undefined): string[] {
  const containers = podContainers(ctx, pod);
  if (!containers) return ['liveness', 'readiness', 'startup'];
  const found = container === undefined ? containers[0] : containers.find((c) => c.name === container);
  if (!found) return [];
  return [
    ...(found.livenessProbe ? ['liveness'] : []),
    ...(found.readinessProbe ? ['readiness'] : []),
    ...(found.startupProbe ? ['startup'] : []),
  ];
}
