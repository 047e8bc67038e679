/**
 * Completing a kubectl command line as `kubectl completion` does through cobra's `__complete`
 * (`KC:pkg/util/completion/completion.go`): command and subcommand names, the flags of the command, values of
 * `-o`, `-n` and `-c`, resource types, and object names (`TYPE NAME`, `TYPE/NAME`) from the cluster.
 */
import type { CommandDef } from '../command';
import { COMMANDS } from '../commands/commandTable';
import { GLOBAL_FLAGS } from '../flags/commonFlags';
import type { FlagDef } from '../flags/parseFlags';
import { allTypeForms, containerNames, objectNames, typeForms, type CompletionContext } from './clusterNames';

/** A completion: the candidates for the word that starts at `from`. */
export interface Completion {
  from: number;
  candidates: string[];
}

/** What the arguments of a command name (cobra ValidArgsFunction of each kubectl command). */
type ArgumentKind =
  | { kind: 'types'; only?: readonly string[]; repeat: boolean }
  | { kind: 'typesOnly' }
  | { kind: 'names'; type: string }
  | { kind: 'pods' };

const ROLLOUT_TYPES = ['deployment', 'daemonset', 'statefulset'];
const SCALE_TYPES = ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'];
/** completion.go PodResourceNameCompletionFunc: the kinds whose pods `logs` and `exec` can pick from. */
const RESOURCES_WITH_PODS = [
  'daemonsets',
  'deployments',
  'jobs',
  'pods',
  'replicasets',
  'replicationcontrollers',
  'services',
  'statefulsets',
];

const ARGUMENTS: Record<string, ArgumentKind> = {
  get: { kind: 'types', repeat: true },
  describe: { kind: 'types', repeat: true },
  delete: { kind: 'types', repeat: true },
  label: { kind: 'types', repeat: true },
  annotate: { kind: 'types', repeat: true },
  wait: { kind: 'types', repeat: true },
  patch: { kind: 'types', repeat: false },
  'set env': { kind: 'types', repeat: false },
  'set image': { kind: 'types', repeat: false },
  'set resources': { kind: 'types', repeat: false },
  explain: { kind: 'typesOnly' },
  'rollout history': { kind: 'types', only: ROLLOUT_TYPES, repeat: false },
  'rollout pause': { kind: 'types', only: ROLLOUT_TYPES, repeat: false },
  'rollout restart': { kind: 'types', only: ROLLOUT_TYPES, repeat: false },
  'rollout resume': { kind: 'types', only: ROLLOUT_TYPES, repeat: false },
  'rollout status': { kind: 'types', only: ROLLOUT_TYPES, repeat: false },
  'rollout undo': { kind: 'types', only: ROLLOUT_TYPES, repeat: false },
  scale: { kind: 'types', only: SCALE_TYPES, repeat: false },
  autoscale: { kind: 'types', only: SCALE_TYPES, repeat: false },
  expose: {
    kind: 'types',
    only: ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'],
    repeat: false,
  },
  taint: { kind: 'types', only: ['node'], repeat: false },
  logs: { kind: 'pods' },
  exec: { kind: 'pods' },
  cordon: { kind: 'names', type: 'nodes' },
  uncordon: { kind: 'names', type: 'nodes' },
  drain: { kind: 'names', type: 'nodes' },
  'top node': { kind: 'names', type: 'nodes' },
  'top pod': { kind: 'names', type: 'pods' },
};

/** `-o` values the simulated printers know, by command (`get` has the tables). */
const OUTPUT_FORMATS: Record<string, readonly string[]> = {
  get: ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'],
  'api-resources': ['name', 'wide'],
  explain: ['plaintext', 'plaintext-openapiv2'],
  version: ['json', 'yaml'],
  'config get-contexts': ['name'],
};
const DEFAULT_OUTPUT_FORMATS = ['json', 'jsonpath=', 'name', 'yaml'];

/** The command line as far as it is typed: the commands it names, their arguments, the flags given. */
interface TypedCommand {
  path: CommandDef[];
  args: string[];
  /** Flag values by long name (`true` for booleans). */
  values: Record<string, string | true>;
  /** `--` was typed: what follows is a command to run in a container, not kubectl's. */
  afterDash: boolean;
  /** The last word is a flag that takes the word being completed as its value. */
  pendingFlag?: FlagDef;
  /** A word that names no command where one was expected. */
  unknown: boolean;
}

function flagsOf(path: readonly CommandDef[]): FlagDef[] {
  return [...GLOBAL_FLAGS, ...(path[path.length - 1]?.flags ?? [])];
}

function takesValue(def: FlagDef | undefined): def is FlagDef {
  return def !== undefined && def.type !== 'bool' && def.noOptDefault === undefined;
}

/** Reads the words after `kubectl` as cobra finds the command and pflag the flags. */
function readCommand(words: readonly string[]): TypedCommand {
  const typed: TypedCommand = { path: [], args: [], values: {}, afterDash: false, unknown: false };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const defs = flagsOf(typed.path);
    if (typed.afterDash) typed.args.push(word);
    else if (word === '--') typed.afterDash = true;
    else if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq < 0 ? undefined : eq);
      const def = defs.find((d) => d.name === name);
      if (eq >= 0) typed.values[name] = word.slice(eq + 1);
      else if (!takesValue(def)) typed.values[name] = true;
      else if (i + 1 < words.length) typed.values[name] = words[++i]!;
      else typed.pendingFlag = def;
    } else if (word.startsWith('-') && word.length > 1) {
      const def = defs.find((d) => d.shorthand === word[1]);
      if (takesValue(def)) {
        if (word.length > 2) typed.values[def.name] = word.slice(word[2] === '=' ? 3 : 2);
        else if (i + 1 < words.length) typed.values[def.name] = words[++i]!;
        else typed.pendingFlag = def;
      } else
        for (const letter of word.slice(1)) {
          const bool = defs.find((d) => d.shorthand === letter);
          if (bool) typed.values[bool.name] = true;
        }
    } else {
      const current = typed.path[typed.path.length - 1];
      const choices = current ? (current.subcommands ?? []) : COMMANDS;
      const sub =
        typed.args.length === 0 ? choices.find((c) => c.name === word || (c.aliases ?? []).includes(word)) : undefined;
      if (sub) typed.path.push(sub);
      else if (current?.run) typed.args.push(word);
      else {
        typed.unknown = true;
        return typed;
      }
    }
  }
  return typed;
}

/** Sorted, unique, and starting with what was typed. */
export function matching(candidates: Iterable<string>, prefix: string): string[] {
  return [...new Set(candidates)].filter((c) => c.startsWith(prefix)).sort();
}

/**
 * Completes the word `current` (starting at `from` in the line) of a kubectl command whose earlier words, after
 * `kubectl`, are `words`. `namespace` is the session's current namespace.
 */
export function completeKubectl(
  api: CompletionContext['api'],
  namespace: string,
  words: readonly string[],
  current: string,
  from: number,
): Completion {
  const typed = readCommand(words);
  const none: Completion = { from, candidates: [] };
  if (typed.unknown || typed.afterDash) return none;
  const ctx: CompletionContext = {
    api,
    namespace:
      typed.values['all-namespaces'] === true
        ? undefined
        : typeof typed.values.namespace === 'string'
          ? typed.values.namespace
          : namespace,
  };
  const key = typed.path.map((c) => c.name).join(' ');
  if (typed.pendingFlag) return { from, candidates: matching(flagValues(ctx, key, typed, typed.pendingFlag), current) };
  if (current.startsWith('-')) {
    const eq = current.indexOf('=');
    // `--output=ya`, `-o=ya`: the value after the `=`.
    if ((current.startsWith('--') && eq > 0) || eq === 2) {
      const name = current.slice(current.startsWith('--') ? 2 : 1, eq);
      const def = flagsOf(typed.path).find((d) => (eq === 2 ? d.shorthand : d.name) === name);
      const values = def ? flagValues(ctx, key, typed, def) : [];
      return { from: from + eq + 1, candidates: matching(values, current.slice(eq + 1)) };
    }
    return { from, candidates: matching(flagNames(typed.path), current) };
  }
  const command = typed.path[typed.path.length - 1];
  if (!command)
    return {
      from,
      candidates: matching(
        COMMANDS.map((c) => c.name),
        current,
      ),
    };
  if (command.subcommands && typed.args.length === 0)
    return {
      from,
      candidates: matching(
        command.subcommands.map((c) => c.name),
        current,
      ),
    };
  const kind = ARGUMENTS[key];
  return { from, candidates: kind ? argumentCandidates(ctx, kind, typed.args, current) : [] };
}

/** `--name` and `-n` of the command's flags and kubectl's global ones (deprecated flags are hidden, as cobra does). */
function flagNames(path: readonly CommandDef[]): string[] {
  return flagsOf(path)
    .filter((d) => !d.deprecated)
    .flatMap((d) => (d.shorthand ? [`--${d.name}`, `-${d.shorthand}`] : [`--${d.name}`]));
}

function flagValues(ctx: CompletionContext, key: string, typed: TypedCommand, def: FlagDef): readonly string[] {
  if (def.name === 'namespace') {
    const namespaces = ctx.api.resolveResource('namespaces')!;
    const listed = ctx.api.list(namespaces, undefined);
    return listed.ok ? listed.value.map((n) => n.metadata.name ?? '') : [];
  }
  if (def.name === 'output') return OUTPUT_FORMATS[key] ?? DEFAULT_OUTPUT_FORMATS;
  if (def.name === 'container') {
    // completion.go ContainerCompletionFunc: the containers of the pod named first.
    const [first] = typed.args;
    if (first === undefined) return [];
    const slash = first.indexOf('/');
    if (slash >= 0 && ctx.api.resolveResource(first.slice(0, slash))?.plural !== 'pods') return [];
    return containerNames(ctx, first.slice(slash + 1));
  }
  return [];
}

/** completion.go ResourceTypeAndNameCompletionFunc and its relatives, by what the command's arguments name. */
function argumentCandidates(
  ctx: CompletionContext,
  kind: ArgumentKind,
  args: readonly string[],
  current: string,
): string[] {
  switch (kind.kind) {
    case 'typesOnly':
      return args.length === 0 ? matching(allTypeForms(ctx.api), current) : [];
    case 'names':
      return args.length === 0 ? matching(objectNames(ctx, kind.type), current) : [];
    case 'pods': {
      if (args.length > 0) return [];
      if (current.includes('/')) return typedNames(ctx, current, args);
      return matching([...objectNames(ctx, 'pods'), ...RESOURCES_WITH_PODS.map((r) => `${r}/`)], current);
    }
    case 'types': {
      const types = kind.only
        ? kind.only.flatMap((t) => typeForms(ctx.api.resolveResource(t)!))
        : allTypeForms(ctx.api);
      const [first] = args;
      if (first !== undefined && !first.includes('/')) {
        // TYPE NAME...: names of that type, each once.
        if (!kind.repeat && args.length > 1) return [];
        return matching(objectNames(ctx, first), current).filter((name) => !args.slice(1).includes(name));
      }
      if (current.includes('/')) return typedNames(ctx, current, args);
      // A first argument is a TYPE; after a TYPE/NAME only another TYPE/NAME fits.
      return matching(
        types.map((t) => (first === undefined ? t : `${t}/`)),
        current,
      );
    }
  }
}

/** `TYPE/NAME` candidates for what was typed before the slash, leaving out those already on the line. */
function typedNames(ctx: CompletionContext, current: string, args: readonly string[]): string[] {
  const type = current.slice(0, current.indexOf('/'));
  return matching(
    objectNames(ctx, type).map((name) => `${type}/${name}`),
    current,
  ).filter((candidate) => !args.includes(candidate));
}
