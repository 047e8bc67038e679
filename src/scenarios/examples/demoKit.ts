/**
 * Running a seed demo script through the `kubeplay` CLI and reading kubectl's tables out of its transcript, for the
 * demo tests: each demo is accepted through the same contract other tooling uses (README, "The CLI").
 */
import type { ScriptRun, ScriptStepResult } from '../../engine/script';
import { main, type CliIo } from '../../cli/main';

/** A finished demo, whose steps are looked up by the command that produced them. */
export class DemoRun {
  constructor(readonly result: ScriptRun) {}

  /** Every step run for `command` (compared with whitespace collapsed), in script order. */
  all(command: string): ScriptStepResult[] {
    const wanted = normalizeCommand(command);
    return this.result.steps.filter((step) => normalizeCommand(step.command) === wanted);
  }

  /** The `occurrence`-th (0-based) step run for `command`. */
  step(command: string, occurrence = 0): ScriptStepResult {
    const found = this.all(command)[occurrence];
    if (!found) {
      const ran = this.result.steps.map((step) => `  ${step.command}`).join('\n');
      throw new Error(`no step #${occurrence} for "${command}"; the script ran:\n${ran}`);
    }
    return found;
  }

  /** What that step printed on stdout. */
  out(command: string, occurrence = 0): string {
    return this.step(command, occurrence).stdout;
  }

  /** The step that ran right after the given one. */
  next(step: ScriptStepResult): ScriptStepResult {
    const following = this.result.steps[this.result.steps.indexOf(step) + 1];
    if (!following) throw new Error(`nothing ran after "${step.command}"`);
    return following;
  }
}

function normalizeCommand(command: string): string {
  return command.trim().replace(/\s+/g, ' ');
}

/**
 * Runs a demo script with the default seed as `kubeplay script - --json` does, in-process, and reads the run back
 * from the JSON it prints; throws when the CLI exits non-zero (a script it cannot parse).
 */
export function runDemoScript(script: string): DemoRun {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => {
      throw new Error(`the demo script reads only stdin, not ${path}`);
    },
    readStdin: () => script,
  };
  const code = main(['script', '-', '--json'], io);
  if (code !== 0) throw new Error(`kubeplay script - --json exited ${code}:\n${stderr}`);
  return new DemoRun(JSON.parse(stdout) as ScriptRun);
}

export type TableRow = Record<string, string>;

/** A kubectl table as rows keyed by column header; kubectl's tabwriter puts at least 3 spaces between cells. */
export function parseTable(stdout: string): TableRow[] {
  const lines = stdout.split('\n').filter((line) => line !== '');
  const header = (lines.shift() ?? '').split(/ {3,}/);
  return lines.map((line) => {
    const cells = line.split(/ {3,}/);
    return Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** The tables of a `kubectl get` over several kinds (`get all`, `get deploy,rs,po`), separated by blank lines. */
export function parseSections(stdout: string): TableRow[][] {
  return stdout
    .split('\n\n')
    .filter((section) => section.trim() !== '')
    .map(parseTable);
}

export function column(rows: TableRow[], name: string): string[] {
  return rows.map((row) => row[name] ?? '');
}

export function namesIn(stdout: string): string[] {
  return column(parseTable(stdout), 'NAME');
}

export function rowFor(stdout: string, name: string): TableRow {
  const row = parseTable(stdout).find((candidate) => candidate['NAME'] === name);
  if (!row) throw new Error(`no row for ${name} in:\n${stdout}`);
  return row;
}
