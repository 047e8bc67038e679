/** A session script cut into its steps, each with its own text: how a pasted session or an example plays out. */
import { parseScript } from './parseScript';

export type ScriptChunk = { kind: 'sleep'; ms: number; display: string } | { kind: 'run'; script: string };

/**
 * A pasted script, one step at a time, as a shell runs it: each command's own text (with its heredoc), and the
 * `sleep`s between them, which the terminal waits out on the cluster's clock.
 */
export function splitScript(text: string): ScriptChunk[] {
  const parsed = parseScript(text);
  if (!parsed.ok) return [{ kind: 'run', script: text }];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  return parsed.steps.map((step, index): ScriptChunk => {
    if (step.kind === 'sleep') return { kind: 'sleep', ms: step.ms, display: step.display };
    const next = parsed.steps[index + 1]?.line ?? lines.length + 1;
    return {
      kind: 'run',
      script: lines
        .slice(step.line - 1, next - 1)
        .join('\n')
        .trimEnd(),
    };
  });
}
