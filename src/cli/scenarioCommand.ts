/**
 * `kubeplay scenario`: plays a scenario file or share link headless and prints its transcript, prints a scenario's
 * share link, or turns a session script into a scenario file.
 */
import {
  encodeScenarioLink,
  formatScenario,
  readScenarioText,
  playScenario,
  scenarioFromScript,
  ScriptSyntaxError,
  type Scenario,
} from '../engine';
import type { CliIo } from './main';
import { formatRunJson } from './runJson';

export const SCENARIO_USAGE = `  kubeplay scenario FILE [--link] [--json]
                                   Play a scenario (a .kubeplay.yaml file, a share link, or - for stdin) from its
                                   start to its end and print the transcript; --link prints its share link instead
  kubeplay scenario --from-script FILE [--link]
                                   Turn a session script into a scenario (its sleeps become the time between steps)
`;

interface ScenarioArgs {
  file?: string;
  fromScript?: string;
  link: boolean;
  json: boolean;
  error?: string;
}

function parseArgs(args: string[]): ScenarioArgs {
  const parsed: ScenarioArgs = { link: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--link') parsed.link = true;
    else if (arg === '--json') parsed.json = true;
    else if (arg === '--from-script') {
      parsed.fromScript = args[++i];
      if (!parsed.fromScript) return { ...parsed, error: 'kubeplay: --from-script needs a FILE' };
    } else if (arg.startsWith('-') && arg !== '-') return { ...parsed, error: `kubeplay: unknown option ${arg}` };
    else if (parsed.file === undefined) parsed.file = arg;
    else return { ...parsed, error: `kubeplay: unexpected argument ${arg}` };
  }
  if (!parsed.file === !parsed.fromScript)
    return { ...parsed, error: 'kubeplay: scenario needs a FILE (or - for stdin), or --from-script FILE' };
  return parsed;
}

/** Runs `kubeplay scenario …`; returns the exit code. */
export function runScenarioCommand(args: string[], io: CliIo): number {
  const options = parseArgs(args);
  if (options.error) {
    io.stderr(`${options.error}\n`);
    return 1;
  }
  const source = (options.fromScript ?? options.file)!;
  let text: string;
  try {
    text = source === '-' ? io.readStdin() : io.readFile(source);
  } catch (error) {
    io.stderr(`kubeplay: ${(error as Error).message}\n`);
    return 1;
  }
  let scenario: Scenario;
  if (options.fromScript) {
    try {
      scenario = scenarioFromScript(text);
    } catch (error) {
      if (!(error instanceof ScriptSyntaxError)) throw error;
      io.stderr(`kubeplay: ${source}:${error.line}: ${error.message}\n`);
      return 2;
    }
    io.stdout(options.link ? `#${encodeScenarioLink(scenario)}\n` : formatScenario(scenario, { header: true }));
    return 0;
  }
  const read = readScenarioText(text);
  if (!read.ok) {
    const where = read.line ? `:${read.line}:${read.column ?? 1}` : '';
    io.stderr(`kubeplay: ${source}${where}: ${read.error}\n`);
    return 2;
  }
  if (options.link) {
    io.stdout(`#${encodeScenarioLink(read.scenario)}\n`);
    return 0;
  }
  const run = playScenario(read.scenario);
  io.stdout(options.json ? formatRunJson(run) : run.transcript);
  return 0;
}
