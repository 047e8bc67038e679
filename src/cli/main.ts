/**
 * `kubeplay`: the playground's command line. `kubeplay script FILE` runs a session script against a fresh simulated
 * cluster and prints its transcript, or with `--json` the whole run as JSON (a contract other tooling relies on: see
 * README, "The CLI").
 */
import { parse as parseYaml } from 'yaml';
import { runScript, ScriptSyntaxError, defaultShape, parseClusterShape, type ClusterShape } from '../engine';
import { formatRunJson } from './runJson';
import { runScenarioCommand, SCENARIO_USAGE } from './scenarioCommand';

export const DEFAULT_SEED = 1;

const USAGE = `Kube Playground — a simulated Kubernetes cluster for learning.

Usage:
  kubeplay script FILE [options]   Run a session script (FILE "-" reads stdin) and print its transcript
${SCENARIO_USAGE}
Options:
  --seed N          Seed of every random choice: pod names, IPs, tie-breaks (default ${DEFAULT_SEED})
  --workers N       Number of worker nodes besides the control-plane node master1 (default 3)
  --shape FILE      Cluster shape as YAML or JSON: { nodes: [{ name, role, cpu, memory, pods, labels, taints, images }] }
  --json            Print the run as JSON instead of the transcript:
                    { transcript, steps: [{ command, time, stdout, stderr, exitCode, hints }] }
  -h, --help        Show this help

Script lines: kubectl commands; heredocs (kubectl apply -f - <<EOF, cat <<EOF | kubectl apply -f -,
cat > file.yaml <<EOF); sleep N|Ns|Nm (virtual time passes); kubeplay node add NAME; other lines run in a shell
on master1 (curl, ping, nslookup…); # comments.
`;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
}

interface ScriptOptions {
  file?: string;
  seed: number;
  workers?: number;
  shapeFile?: string;
  json?: boolean;
  error?: string;
}

function parseOptions(args: string[]): ScriptOptions {
  let seed = DEFAULT_SEED;
  let file: string | undefined;
  let workers: number | undefined;
  let shapeFile: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--seed') {
      const text = value();
      if (!text || !/^\d+$/.test(text))
        return { seed, error: `kubeplay: --seed needs a non-negative integer, got ${JSON.stringify(text ?? '')}` };
      seed = Number(text);
    } else if (flag === '--workers') {
      const text = value();
      if (!text || !/^\d+$/.test(text))
        return { seed, error: `kubeplay: --workers needs a non-negative integer, got ${JSON.stringify(text ?? '')}` };
      workers = Number(text);
    } else if (flag === '--shape') {
      shapeFile = value();
      if (!shapeFile) return { seed, error: 'kubeplay: --shape needs a file' };
    } else if (arg === '--json') {
      json = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { seed, error: `kubeplay: unknown option ${arg}` };
    } else if (file === undefined) {
      file = arg;
    } else {
      return { seed, error: `kubeplay: unexpected argument ${arg}` };
    }
  }
  return { file, seed, workers, shapeFile, json };
}

/** Runs the CLI; returns the process exit code. */
export function main(args: string[], io: CliIo): number {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (command === 'scenario') return runScenarioCommand(rest, io);
  if (command !== 'script') {
    io.stderr(`kubeplay: unknown command "${command}"\n\n${USAGE}`);
    return 1;
  }
  const options = parseOptions(rest);
  if (options.error) {
    io.stderr(`${options.error}\n`);
    return 1;
  }
  if (!options.file) {
    io.stderr(`kubeplay: script needs a FILE (or - for stdin)\n\n${USAGE}`);
    return 1;
  }
  let shape: ClusterShape | undefined = options.workers !== undefined ? defaultShape(options.workers) : undefined;
  let text: string;
  try {
    if (options.shapeFile) {
      const parsed = parseClusterShape(parseYaml(io.readFile(options.shapeFile)));
      if (!parsed.ok) {
        io.stderr(`kubeplay: ${options.shapeFile}: ${parsed.error}\n`);
        return 1;
      }
      shape = parsed.shape;
    }
    text = options.file === '-' ? io.readStdin() : io.readFile(options.file);
  } catch (error) {
    io.stderr(`kubeplay: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const run = runScript(text, { seed: options.seed, ...(shape ? { shape } : {}) });
    io.stdout(options.json ? formatRunJson(run) : run.transcript);
    return 0;
  } catch (error) {
    if (error instanceof ScriptSyntaxError) {
      io.stderr(`kubeplay: ${options.file}:${error.line}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
