/**
 * The session script language of `kubeplay script`: kubectl commands, heredocs, `sleep`, playground actions
 * (`kubeplay node add NAME`), shell commands run on the control-plane host, comments and blank lines.
 */
import { withoutSubstitutions } from '../session/commandSubstitution';

export type ScriptStep =
  /** `kubectl …`; `stdin` from a heredoc (`kubectl apply -f - <<EOF`, `cat <<EOF | kubectl apply -f -`). */
  | { kind: 'kubectl'; line: number; display: string; command: string; stdin?: string }
  /** `cat > file.yaml <<EOF`: saves a file later commands can read (`kubectl apply -f file.yaml`). */
  | { kind: 'write-file'; line: number; display: string; path: string; content: string; append: boolean }
  /** `sleep 30`, `sleep 30s`, `sleep 2m`: virtual time passes. */
  | { kind: 'sleep'; line: number; display: string; ms: number }
  /** `kubeplay …`: an action on the simulated cluster itself. */
  | { kind: 'action'; line: number; display: string; args: string[] }
  /** Anything else runs in a shell on the control-plane node (curl, ping, echo…), heredoc as stdin. */
  | { kind: 'shell'; line: number; display: string; command: string; stdin?: string };

export type ParseScriptResult = { ok: true; steps: ScriptStep[] } | { ok: false; error: string; line: number };

const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/;

/** `30`, `30s`, `2m`, `1h`, `1.5` → milliseconds, as GNU sleep reads its argument. */
export function parseSleepDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!match) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(match[1]) * unit);
}

export function parseScript(text: string): ParseScriptResult {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const steps: ScriptStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1;
    let command = lines[i]!;
    while (command.endsWith('\\') && i + 1 < lines.length)
      command = `${command.slice(0, -1)}${lines[++i]!.trimStart()}`;
    const trimmed = command.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const display = trimmed;

    let stdin: string | undefined;
    const heredoc = HEREDOC.exec(trimmed);
    let head = trimmed;
    if (heredoc) {
      const terminator = heredoc[2]!;
      const stripTabs = trimmed.slice(heredoc.index, heredoc.index + 3) === '<<-';
      const body: string[] = [];
      let closed = false;
      while (++i < lines.length) {
        const bodyLine = stripTabs ? lines[i]!.replace(/^\t+/, '') : lines[i]!;
        if (bodyLine.trim() === terminator) {
          closed = true;
          break;
        }
        body.push(bodyLine);
      }
      if (!closed)
        return {
          ok: false,
          error: `here-document at line ${lineNumber} delimited by end-of-file (wanted \`${terminator}')`,
          line: lineNumber,
        };
      stdin = body.length > 0 ? `${body.join('\n')}\n` : '';
      head = (trimmed.slice(0, heredoc.index) + trimmed.slice(heredoc.index + heredoc[0].length)).trim();
    }

    const catPipe = /^cat\s*\|\s*(kubectl\b.*)$/.exec(head);
    const catWrite = /^cat\s*(>>?)\s*(\S+)$/.exec(head);
    if (stdin !== undefined && catPipe) {
      steps.push({ kind: 'kubectl', line: lineNumber, display, command: catPipe[1]!, stdin });
    } else if (stdin !== undefined && catWrite) {
      steps.push({
        kind: 'write-file',
        line: lineNumber,
        display,
        path: catWrite[2]!,
        content: stdin,
        append: catWrite[1] === '>>',
      });
    } else if (/^kubectl(\s|$)/.test(head) && !/[|;&<>`]|\$\(/.test(withoutSubstitutions(head))) {
      steps.push({
        kind: 'kubectl',
        line: lineNumber,
        display,
        command: head,
        ...(stdin !== undefined ? { stdin } : {}),
      });
    } else if (/^sleep\s+\S+$/.test(head) && stdin === undefined) {
      const ms = parseSleepDuration(head.split(/\s+/)[1]!);
      if (ms === undefined) return { ok: false, error: `invalid sleep duration: ${head}`, line: lineNumber };
      steps.push({ kind: 'sleep', line: lineNumber, display, ms });
    } else if (/^kubeplay(\s|$)/.test(head)) {
      steps.push({ kind: 'action', line: lineNumber, display, args: head.split(/\s+/).slice(1) });
    } else {
      steps.push({
        kind: 'shell',
        line: lineNumber,
        display,
        command: head,
        ...(stdin !== undefined ? { stdin } : {}),
      });
    }
  }
  return { ok: true, steps };
}
