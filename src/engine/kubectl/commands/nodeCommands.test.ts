import { describe, expect, it } from 'vitest';
import { createSeededCluster as cluster } from '../testing/fixtures';

describe('kubectl taint', () => {
  it('prints one line per taint it could not remove', () => {
    const c = cluster();
    c.run('taint nodes worker1 gpu=yes:NoSchedule');
    expect(c.run('taint nodes worker1 a- b:NoExecute-')).toEqual({
      stdout: '',
      stderr: 'taint "a" not found\ntaint "b:NoExecute" not found\n',
      exitCode: 1,
    });
  });

  it('rejects specs as taint.go parses them', () => {
    const c = cluster();
    expect(c.run('taint nodes worker1 a=1:NoSchedule a=2:NoSchedule').stderr).toBe(
      "error: duplicated taints with the same key and effect: {a 2 NoSchedule <nil>}\nSee 'kubectl taint -h' for help and examples\n",
    );
    // Without `:`, the whole spec is the key, and `=` is not allowed in a key.
    expect(c.run('taint nodes worker1 a=1').stderr).toBe(
      "error: invalid taint spec: a=1, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(c.run('taint nodes worker1 a:NoSchedule:x').stderr).toBe(
      "error: invalid taint spec: a:NoSchedule:x\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(c.run('taint nodes worker1 a=b:NoSchedule a-').stderr).toBe(
      'error: can not both modify and remove the following taint(s) in the same command: {"a":""}\n',
    );
    expect(c.run('taint nodes a=b:NoSchedule').stderr).toBe(
      "error: at least one resource name must be specified since 'all' parameter is not set\n",
    );
    expect(c.run('taint nodes worker1').stderr).toBe('error: at least one taint update is required\n');
  });

  it('taints every node with --all, and prints -o name or the changed node', () => {
    const c = cluster();
    expect(c.run('taint nodes --all maintenance:NoSchedule -o name').stdout).toBe('node/master\nnode/worker1\n');
    expect(c.run('taint nodes worker1 maintenance:NoSchedule- -o jsonpath={.spec.taints}').stdout).toBe('');
    expect(c.run('taint nodes master x=y:PreferNoSchedule --dry-run=client').stdout).toBe(
      'node/master tainted (dry run)\n',
    );
  });
});

describe('kubectl cordon', () => {
  it('cordons the nodes a selector picks, marking a dry run', () => {
    const c = cluster();
    expect(c.run('cordon -l kubernetes.io/hostname=worker1 --dry-run=client').stdout).toBe(
      'node/worker1 cordoned (dry run)\n',
    );
    expect(c.run('get node worker1 -o jsonpath={.spec.unschedulable}').stdout).toBe('');
    expect(c.run('uncordon master').stdout).toBe('node/master already uncordoned\n');
  });
});
