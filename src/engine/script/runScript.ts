/**
 * Runs a session script against a fresh cluster and renders the transcript: for each command `$ ` + the command
 * line (a heredoc's first line only), then its stdout, then its stderr. Learner hints, which kubectl does not print,
 * follow as `# hint: …` comment lines.
 */
import { Session } from '../session/session';
import type { ClusterOptions } from '../cluster/cluster';
import { parseScript, type ScriptStep } from './parseScript';

export interface ScriptStepResult {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  hints: string[];
  /** Virtual milliseconds since the cluster started, when the command ran. */
  time: number;
}

export interface ScriptRun {
  transcript: string;
  steps: ScriptStepResult[];
}

export class ScriptSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** Runs one parsed step in `session`. */
export function runStep(session: Session, step: ScriptStep): Omit<ScriptStepResult, 'command' | 'time'> {
  switch (step.kind) {
    case 'kubectl': {
      const result = session.kubectl(step.command, step.stdin);
      return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, hints: result.hints ?? [] };
    }
    case 'write-file':
      session.writeFile(step.path, step.content, step.append);
      return { stdout: '', stderr: '', exitCode: 0, hints: [] };
    case 'sleep':
      session.advance(step.ms);
      return { stdout: '', stderr: '', exitCode: 0, hints: [] };
    case 'action': {
      const result = session.action(step.args);
      return { ...result, hints: [] };
    }
    case 'shell': {
      const result = session.shell(step.command, step.stdin);
      return { ...result, hints: [] };
    }
  }
}

/** Parses and runs `text`; throws ScriptSyntaxError when the script itself cannot be parsed. */
export function runScript(text: string, options: ClusterOptions = {}): ScriptRun {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new ScriptSyntaxError(parsed.error, parsed.line);
  const session = Session.create(options);
  const start = session.cluster.now();
  const steps: ScriptStepResult[] = [];
  let transcript = '';
  for (const step of parsed.steps) {
    const time = session.cluster.now() - start;
    const result = runStep(session, step);
    steps.push({ command: step.display, time, ...result });
    transcript += `$ ${step.display}\n${result.stdout}${result.stderr}`;
    for (const hint of result.hints) transcript += `# hint: ${hint}\n`;
  }
  return { transcript, steps };
}
