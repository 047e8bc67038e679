import { describe, expect, it } from 'vitest';
import { parseScript, parseSleepDuration } from './parseScript';

function steps(text: string) {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.steps;
}

describe('parseScript', () => {
  it('reads kubectl lines, skipping comments and blank lines', () => {
    expect(steps('# a comment\n\nkubectl get pods\n  kubectl get nodes -o wide  \n')).toEqual([
      { kind: 'kubectl', line: 3, display: 'kubectl get pods', command: 'kubectl get pods' },
      { kind: 'kubectl', line: 4, display: 'kubectl get nodes -o wide', command: 'kubectl get nodes -o wide' },
    ]);
  });

  it('feeds a heredoc to kubectl, written either way, and shows only its first line', () => {
    const direct = steps('kubectl apply -f - <<EOF\nkind: Pod\nEOF\n');
    const piped = steps("cat <<'EOF' | kubectl apply -f -\nkind: Pod\nEOF\n");
    expect(direct).toEqual([
      {
        kind: 'kubectl',
        line: 1,
        display: 'kubectl apply -f - <<EOF',
        command: 'kubectl apply -f -',
        stdin: 'kind: Pod\n',
      },
    ]);
    expect(piped).toEqual([
      {
        kind: 'kubectl',
        line: 1,
        display: "cat <<'EOF' | kubectl apply -f -",
        command: 'kubectl apply -f -',
        stdin: 'kind: Pod\n',
      },
    ]);
  });

  it('saves `cat > file <<EOF` bodies as files, appending with >>', () => {
    expect(steps('cat > pod.yaml <<EOF\na: 1\nEOF\ncat >> pod.yaml <<END\nb: 2\nEND\n')).toEqual([
      {
        kind: 'write-file',
        line: 1,
        display: 'cat > pod.yaml <<EOF',
        path: 'pod.yaml',
        content: 'a: 1\n',
        append: false,
      },
      {
        kind: 'write-file',
        line: 4,
        display: 'cat >> pod.yaml <<END',
        path: 'pod.yaml',
        content: 'b: 2\n',
        append: true,
      },
    ]);
  });

  it('turns sleep into virtual time and other lines into actions or host shell commands', () => {
    expect(
      steps('sleep 2m\nkubeplay node add worker4 --cpu 8\ncurl -s 10.96.0.1\nkubectl get pods | grep web\n'),
    ).toEqual([
      { kind: 'sleep', line: 1, display: 'sleep 2m', ms: 120_000 },
      {
        kind: 'action',
        line: 2,
        display: 'kubeplay node add worker4 --cpu 8',
        args: ['node', 'add', 'worker4', '--cpu', '8'],
      },
      { kind: 'shell', line: 3, display: 'curl -s 10.96.0.1', command: 'curl -s 10.96.0.1' },
      { kind: 'shell', line: 4, display: 'kubectl get pods | grep web', command: 'kubectl get pods | grep web' },
    ]);
  });

  it('keeps quoted operators inside a kubectl command', () => {
    expect(steps(`kubectl get pods -o jsonpath='{.items[*].metadata.name}|x'`)[0]?.kind).toBe('kubectl');
  });

  it('joins backslash-continued lines', () => {
    expect(steps('kubectl run web \\\n  --image=nginx\n')[0]).toMatchObject({
      command: 'kubectl run web --image=nginx',
    });
  });

  it('reports an unterminated heredoc and a bad sleep with their line', () => {
    expect(parseScript('kubectl get pods\nkubectl apply -f - <<EOF\nkind: Pod\n')).toEqual({
      ok: false,
      error: "here-document at line 2 delimited by end-of-file (wanted `EOF')",
      line: 2,
    });
    expect(parseScript('sleep soon')).toEqual({ ok: false, error: 'invalid sleep duration: sleep soon', line: 1 });
  });
});

describe('parseSleepDuration', () => {
  it('reads seconds by default and the s, m, h, d suffixes as GNU sleep does', () => {
    expect(['30', '1.5', '30s', '2m', '1h', '1d'].map(parseSleepDuration)).toEqual([
      30_000, 1_500, 30_000, 120_000, 3_600_000, 86_400_000,
    ]);
    expect(parseSleepDuration('-1')).toBeUndefined();
  });
});
