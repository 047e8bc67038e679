/**
 * A scenario as a bash script that replays its commands against a real cluster (kind, minikube), with the pauses
 * between them. What only the playground can do — its simulated faults, its nodes' shells — stays in the script
 * as a comment saying why, with the real equivalent where there is one.
 */
import type { ClusterShape } from '../cluster/shape';
import { parseScript, type ScriptStep } from '../script/parseScript';
import type { Scenario } from './scenario';

/** A step's own lines: a command with its continuation lines, or a heredoc with its body and terminator. */
interface StepText {
  step: ScriptStep;
  lines: string[];
}

/** What exporting carries from step to step: where the playground's shell is (the learner may `ssh` and `exit`). */
interface ExportState {
  shape: ClusterShape;
  controlPlane: string;
  machine: string;
}

/**
 * kubectl's global flags that take the next word as their value
 * (kubectl: staging/src/k8s.io/cli-runtime/pkg/genericclioptions/config_flags.go).
 */
const VALUE_FLAGS = new Set([
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--user',
  '--kubeconfig',
  '-s',
  '--server',
  '--as',
  '--token',
]);

/** `NAME=value` or `export NAME=value` alone: shell state, the same on any machine. */
const ASSIGNMENT = /^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=(?:\$\(.*\)|"[^"]*"|'[^']*'|\S*)$/;
const SSH = /^ssh\s+(?:\S+@)?([A-Za-z0-9][A-Za-z0-9.-]*)(?:\s+([^]*))?$/;

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/**
 * The original lines of each parsed step, and the comment lines around them. A step runs from its first line to
 * the line before the next step, less the blank and comment lines at its end (unless a `\` continues into them).
 */
function splitRun(lines: string[], steps: ScriptStep[]): (StepText | string)[] {
  const pieces: (StepText | string)[] = [];
  const keepComments = (from: number, to: number) => {
    for (const line of lines.slice(from, to)) if (line.trim() !== '') pieces.push(line);
  };
  keepComments(0, (steps[0]?.line ?? 1) - 1);
  steps.forEach((step, i) => {
    const start = step.line - 1;
    const next = (steps[i + 1]?.line ?? lines.length + 1) - 1;
    let end = next;
    while (end > start + 1 && isBlankOrComment(lines[end - 1]!) && !lines[end - 2]!.endsWith('\\')) end--;
    pieces.push({ step, lines: lines.slice(start, end) });
    keepComments(end, next);
  });
  return pieces;
}

/** `# line` for each line; the reason follows the first. */
function commentOut(lines: string[], reason: string): string[] {
  return lines.map((line, i) => (i === 0 ? `# ${line} — ${reason}` : `# ${line}`));
}

/**
 * The kind node container standing for a playground node: kind names them `<cluster>-control-plane`,
 * `<cluster>-worker`, `<cluster>-worker2`… by role and order (kind: pkg/cluster/internal/providers/common/namer.go).
 */
function kindContainer(shape: ClusterShape, name: string | undefined): string {
  const node = shape.nodes.find((n) => n.name === name);
  if (!node) return `<${name ?? 'node'}'s container>`;
  const index = shape.nodes.filter((n) => n.role === node.role).indexOf(node) + 1;
  return `<cluster>-${node.role === 'worker' ? 'worker' : 'control-plane'}${index === 1 ? '' : index}`;
}

/** Why a `kubeplay` action stays a comment, and what a real cluster offers instead. */
function actionReason(args: string[], shape: ClusterShape): string {
  const [noun, verb, name] = args;
  const container = kindContainer(shape, name);
  if (noun === 'node' && verb === 'fail') return `simulated; on kind: docker stop ${container}`;
  if (noun === 'node' && verb === 'recover') return `simulated; on kind: docker start ${container}`;
  if (noun === 'node' && verb === 'remove')
    return `simulated; on kind: kubectl delete node ${container} && docker rm -f ${container}`;
  if (noun === 'node' && verb === 'add') return 'simulated; a kind cluster gets its nodes when it is created';
  if (noun === 'machine') return 'simulated; a real machine joins with kubeadm join';
  if (noun === 'node' && verb === 'pressure') return 'simulated memory use outside pods; no real equivalent';
  if (noun === 'load') return 'simulated traffic; a load generator against the Service does this for real';
  if (noun === 'pod' && verb === 'kill')
    return `simulated; on a real cluster: kubectl exec ${args.slice(2).join(' ')} -- kill 1`;
  if (noun === 'probe') return 'simulated probe fault; no real equivalent';
  return 'simulated by the playground';
}

/** The kubectl subcommand: the first word that is neither a flag nor a global flag's value. */
function kubectlVerb(words: string[]): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (VALUE_FLAGS.has(word)) i++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/** Why a kubectl command would not return in a script: it waits for Ctrl-C or reads a terminal. */
function blockingReason(command: string): string | undefined {
  const words = command.split(/\s+/);
  const verb = kubectlVerb(words);
  const has = (...flags: string[]) => words.some((w) => flags.includes(w));
  const watches = /^--watch(-only)?(=true)?$/;
  if (verb === 'get' && (has('-w') || words.some((w) => watches.test(w))))
    return 'watches until Ctrl-C; the script would stop here';
  if (verb === 'logs' && has('-f', '--follow', '--follow=true'))
    return 'follows until Ctrl-C; the script would stop here';
  if (verb === 'port-forward' || verb === 'proxy') return 'runs until Ctrl-C; the script would stop here';
  if (verb === 'edit') return 'opens an editor';
  if (
    (verb === 'exec' || verb === 'run' || verb === 'attach') &&
    has('-i', '-it', '-ti', '--stdin', '--stdin=true', '--tty', '--tty=true')
  )
    return 'interactive; it would read the rest of this script as its input';
  return undefined;
}

/** A step's lines as the script has them: unchanged when a real cluster runs them the same way, else commented. */
function exportStep({ step, lines }: StepText, state: ExportState): string[] {
  const remote = state.machine !== state.controlPlane;
  switch (step.kind) {
    case 'kubectl': {
      const blocking = blockingReason(step.command);
      return blocking ? commentOut(lines, blocking) : lines;
    }
    case 'sleep':
      return lines;
    case 'write-file':
      return remote ? commentOut(lines, `ran on the playground's ${state.machine}`) : lines;
    case 'action':
      return commentOut(lines, actionReason(step.args, state.shape));
    case 'shell':
      return exportShell(step.command, lines, state);
  }
}

function exportShell(command: string, lines: string[], state: ExportState): string[] {
  const ssh = SSH.exec(command);
  if (ssh) {
    const node = ssh[1]!;
    const container = kindContainer(state.shape, node);
    if (ssh[2] === undefined) {
      state.machine = node;
      return commentOut(lines, `the playground's shell moved to ${node}; on kind: docker exec -it ${container} bash`);
    }
    return commentOut(lines, `ran on the playground's ${node}; on kind: docker exec ${container} ${ssh[2]}`);
  }
  if (state.machine !== state.controlPlane) {
    const machine = state.machine;
    if (command === 'exit' || command === 'logout') {
      state.machine = state.controlPlane;
      return commentOut(lines, `left the playground's ${machine}`);
    }
    return commentOut(lines, `ran on the playground's ${machine}`);
  }
  const first = command.split(/\s+/)[0];
  // A variable set here may be used by a later kept line, and `set -u` ends the script at an unset one.
  if (first === 'echo' || first === 'sleep' || ASSIGNMENT.test(command)) return lines;
  if (first === 'kubectl') {
    const blocking = blockingReason(command);
    return blocking ? commentOut(lines, blocking) : lines;
  }
  return commentOut(lines, `ran on the playground's ${state.controlPlane}`);
}

/** The comment block that opens the script. */
function header(scenario: Scenario, controlPlane: string): string[] {
  const nodes = scenario.cluster.nodes.map((n) => n.name).join(', ');
  const description = scenario.description?.en ?? scenario.description?.zh;
  return [
    '#!/usr/bin/env bash',
    `# ${scenario.title?.trim().replace(/\s*\n\s*/g, ' ') || 'Kube Playground scenario'}`,
    ...(description
      ? [
          '#',
          ...description
            .trim()
            .split('\n')
            .map((line) => `# ${line}`.trimEnd()),
        ]
      : []),
    '#',
    "# Exported from Kube Playground: the scenario's commands, with the pauses between them, to replay against a",
    '# real cluster (kind, minikube). Point kubectl at a disposable cluster first: these commands change it.',
    `# The playground's seed (${scenario.seed}) and cluster (${nodes}) are not reproducible on a real cluster:`,
    '# pod names, IPs, scheduling and timing will differ. What a real cluster cannot run the same way is kept as',
    `# a comment saying why; shell lines that ran on the playground's ${controlPlane} used its addresses.`,
    // Not -e: a learner's failing command does not stop the rest, as in the playground.
    'set -u',
  ];
}

/**
 * The scenario as a bash script for a real cluster: a header, then each step's lines with `sleep N` before it for
 * the virtual time since the previous step (whole seconds, rounded on the running total so sub-second gaps add
 * up; time the previous step's own `sleep` lines took is not slept twice). kubectl commands, heredocs,
 * `cat > file <<EOF`, `echo` and `sleep` lines are kept verbatim; `kubeplay` actions, `ssh`, `cd`, other shell
 * lines, and kubectl commands that would never return in a script are kept as comments with the reason.
 */
export function exportShellScript(scenario: Scenario): string {
  const controlPlane = scenario.cluster.nodes.find((n) => n.role === 'control-plane')?.name ?? 'master1';
  const state: ExportState = { shape: scenario.cluster, controlPlane, machine: controlPlane };
  const out = header(scenario, controlPlane);
  /** Virtual ms the script has reached by its sleeps. */
  let clock = 0;
  for (const { at, run } of scenario.steps) {
    const pause = Math.round((at - clock) / 1000);
    if (pause > 0) {
      out.push(`sleep ${pause}`);
      clock += pause * 1000;
    }
    const lines = run.replace(/\r\n/g, '\n').split('\n');
    const parsed = parseScript(run);
    if (!parsed.ok) {
      out.push(...commentOut(lines, `not a script the playground could run: ${parsed.error}`));
      continue;
    }
    for (const piece of splitRun(lines, parsed.steps)) {
      if (typeof piece === 'string') {
        out.push(piece);
        continue;
      }
      out.push(...exportStep(piece, state));
      if (piece.step.kind === 'sleep') clock += piece.step.ms;
    }
  }
  return `${out.join('\n')}\n`;
}
