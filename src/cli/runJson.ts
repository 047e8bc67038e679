import type { ScriptRun } from '../engine';

/** The `--json` document: a ScriptRun with its keys in the documented order, 2-space indented, newline-terminated. */
export function formatRunJson(run: ScriptRun): string {
  const steps = run.steps.map(({ command, time, stdout, stderr, exitCode, hints }) => ({
    command,
    time,
    stdout,
    stderr,
    exitCode,
    hints,
  }));
  return `${JSON.stringify({ transcript: run.transcript, steps }, null, 2)}\n`;
}
