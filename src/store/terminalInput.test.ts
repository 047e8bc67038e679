import { describe, expect, it } from 'vitest';
import { parseScript } from '../engine/script/parseScript';
import { heredocFor, podShellCommand, readTerminalInput } from './terminalInput';

describe('readTerminalInput', () => {
  it('waits for the rest of an open heredoc or continuation', () => {
    expect(readTerminalInput('cat <<EOF | kubectl apply -f -')).toEqual({ kind: 'incomplete' });
    expect(readTerminalInput('cat <<EOF | kubectl apply -f -\napiVersion: v1')).toEqual({ kind: 'incomplete' });
    expect(readTerminalInput('kubectl run x \\')).toEqual({ kind: 'incomplete' });
    const block = 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nEOF';
    expect(readTerminalInput(block)).toEqual({ kind: 'run', script: block });
  });

  it('knows the terminal’s own commands', () => {
    expect(readTerminalInput(' clear ')).toEqual({ kind: 'clear' });
    expect(readTerminalInput('kubectl get pods -w')).toEqual({ kind: 'watch', command: 'kubectl get pods -w' });
    expect(readTerminalInput('kubectl get po --watch-only')).toMatchObject({ kind: 'watch' });
    expect(readTerminalInput('kubectl edit deploy web -n lab')).toEqual({
      kind: 'edit',
      target: ['deploy', 'web'],
      namespaceArgs: ['-n', 'lab'],
      command: 'kubectl edit deploy web -n lab',
    });
    expect(readTerminalInput('kubectl exec -it web-0 -c app -- sh')).toEqual({
      kind: 'exec-shell',
      pod: 'web-0',
      execArgs: ['web-0', '-c', 'app'],
      command: 'kubectl exec -it web-0 -c app -- sh',
    });
  });

  it('sends everything else to the engine', () => {
    expect(readTerminalInput('kubectl exec web-0 -- ls /')).toEqual({
      kind: 'run',
      script: 'kubectl exec web-0 -- ls /',
    });
    expect(readTerminalInput('kubectl get pods')).toEqual({ kind: 'run', script: 'kubectl get pods' });
    expect(readTerminalInput('curl 10.96.0.1')).toEqual({ kind: 'run', script: 'curl 10.96.0.1' });
  });
});

describe('podShellCommand', () => {
  it('runs the line in the shell’s directory, quoting it for sh -c', () => {
    expect(podShellCommand(['web-0'], '/', "echo 'hi' > /tmp/x")).toEqual({
      script: `kubectl exec web-0 -- sh -c 'cd '\\''/'\\'' && echo '\\''hi'\\'' > /tmp/x'`,
      cd: false,
    });
    expect(podShellCommand(['web-0'], '/', 'cd /usr').cd).toBe(true);
  });
});

describe('heredocFor', () => {
  it('wraps text in a here-document the script parser reads back exactly', () => {
    const text = 'kind: Pod\nmetadata:\n  name: EOF\nEOF\n';
    const script = heredocFor('kubectl apply -f -', text);
    const parsed = parseScript(script);
    expect(parsed).toMatchObject({
      ok: true,
      steps: [{ kind: 'kubectl', command: 'kubectl apply -f -', stdin: text }],
    });
  });
});
