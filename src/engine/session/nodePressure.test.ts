import { describe, expect, it } from 'vitest';
import { runScript } from '../script';
import { Session } from './session';

describe('kubeplay node pressure', () => {
  it('makes memory on a node used outside pods, and releases it', () => {
    const s = Session.create();
    expect(s.action(['node', 'pressure', 'worker1', '7Gi'])).toEqual({
      stdout: 'node/worker1: 7Gi used outside pods; memory.available 604Mi (the kubelet evicts below 100Mi)\n',
      stderr: '',
      exitCode: 0,
    });
    expect(s.cluster.kernel.hostMemoryBytes('worker1')).toBe(7 * 1024 ** 3);
    expect(s.action(['node', 'pressure', 'worker1', '0']).stdout).toBe(
      'node/worker1: memory used outside pods released\n',
    );
    expect(s.cluster.kernel.hostMemoryBytes('worker1')).toBe(0);
  });

  it('explains what it needs', () => {
    const s = Session.create();
    const stderr = (...args: string[]) => s.action(['node', 'pressure', ...args]).stderr;
    expect(stderr('worker9', '1Gi')).toBe('kubeplay: node "worker9" not found\n');
    expect(stderr('worker1', 'lots')).toBe(
      'kubeplay: invalid memory "lots": a quantity such as 7Gi or 7500Mi, or 0 to release it\n',
    );
    expect(stderr('worker1', '-1Gi')).toBe(
      'kubeplay: invalid memory "-1Gi": a quantity such as 7Gi or 7500Mi, or 0 to release it\n',
    );
    expect(stderr('worker1')).toBe(
      'usage: kubeplay node add NAME [--cpu N] [--memory QUANTITY] [--control-plane]\n' +
        '       kubeplay node fail|recover|remove NAME\n' +
        '       kubeplay node pressure NAME MEMORY\n',
    );
  });

  it('runs as a script line, and the node reports MemoryPressure at the next housekeeping', () => {
    const script = `kubeplay node pressure worker2 7.8Gi
sleep 10
kubectl get node worker2 -o jsonpath='{.status.conditions[?(@.type=="MemoryPressure")].reason}'
`;
    expect(runScript(script, { seed: 1 }).transcript).toContain(
      '$ kubectl get node worker2 -o jsonpath=\'{.status.conditions[?(@.type=="MemoryPressure")].reason}\'\nKubeletHasInsufficientMemory',
    );
  });
});
