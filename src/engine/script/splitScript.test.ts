import { describe, expect, it } from 'vitest';
import { splitScript } from './splitScript';

describe('splitScript', () => {
  it('cuts a pasted session into commands (heredocs whole) and sleeps', () => {
    const session = [
      '# a comment',
      'cat <<EOF | kubectl apply -f -',
      'kind: Pod',
      'EOF',
      'kubectl get pods',
      'sleep 20',
      '',
      'kubectl describe pod x',
    ].join('\n');
    expect(splitScript(session)).toEqual([
      { kind: 'run', script: 'cat <<EOF | kubectl apply -f -\nkind: Pod\nEOF' },
      { kind: 'run', script: 'kubectl get pods' },
      { kind: 'sleep', ms: 20_000, display: 'sleep 20' },
      { kind: 'run', script: 'kubectl describe pod x' },
    ]);
  });
});
