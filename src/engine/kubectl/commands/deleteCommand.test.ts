import { describe, expect, it } from 'vitest';
import { createSeededCluster as cluster, webPod } from '../testing/fixtures';

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

describe('kubectl delete', () => {
  it('sends the grace period kubectl computes from --grace-period, --now and --force', () => {
    const c = cluster();
    for (const name of ['a', 'b', 'd', 'e']) c.api.seed(webPod(name));
    expect(c.run('delete pod a --grace-period=0')).toEqual({
      stdout: 'pod "a" deleted from default namespace\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('delete pod b --now').stdout).toBe('pod "b" deleted from default namespace\n');
    expect(c.run('delete pod d --force')).toEqual({
      stdout: 'pod "d" force deleted from default namespace\n',
      stderr: FORCE_WARNING,
      exitCode: 0,
    });
    expect(c.run('delete pod e --grace-period=0 --force').stdout).toBe(
      'pod "e" force deleted from default namespace\n',
    );
    expect(c.api.deletions.map((d) => d.options.gracePeriodSeconds)).toEqual([1, 1, 0, 0]);
    expect(c.run('delete pod web --now --grace-period=5').stderr).toBe(
      'error: --now and --grace-period cannot be specified together\n',
    );
    expect(c.run('delete pod web --force --grace-period=5').stderr).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
  });

  it('deletes what a manifest names and reports the file with what it could not find', () => {
    const c = cluster();
    c.files['app.yaml'] =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: gone\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
    expect(c.run('delete -f app.yaml')).toEqual({
      stdout: 'pod "web" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): error when deleting "app.yaml": pods "gone" not found\n',
      exitCode: 1,
    });
  });

  it('deletes by label without waiting, and says when nothing matched', () => {
    const c = cluster();
    c.api.graceful.push('pods/default/web');
    const start = c.api.clock;
    expect(c.run('delete pods -l app=web --wait=false').stdout).toBe('pod "web" deleted from default namespace\n');
    expect(c.api.clock).toBe(start);
    expect(c.run('delete pods -l app=none')).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
    expect(c.run('delete pods')).toEqual({
      stdout: '',
      stderr: 'error: resource(s) were provided, but no name was specified\n',
      exitCode: 1,
    });
  });

  it('times out waiting, naming the resource without its group', () => {
    const c = cluster();
    c.api.graceful.push('pods/default/web');
    expect(c.run('delete pod web --timeout=5s')).toEqual({
      stdout: 'pod "web" deleted from default namespace\n',
      stderr: 'error: timed out waiting for the condition on pods/web\n',
      exitCode: 1,
    });
  });

  it('names cluster-scoped objects without a namespace and warns when -n was given', () => {
    const c = cluster();
    expect(c.run('delete node worker1 -n kube-system')).toEqual({
      stdout: 'node "worker1" deleted\n',
      stderr: 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n',
      exitCode: 0,
    });
  });

  it('prints kind/name with -o name and marks dry runs', () => {
    const c = cluster();
    expect(c.run('delete pod web -o name --dry-run=client').stdout).toBe('pod/web\n');
    expect(c.run('delete pod web --dry-run=server').stdout).toBe(
      'pod "web" deleted from default namespace (server dry run)\n',
    );
    expect(c.run('delete pod nope --dry-run=server').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
    expect(c.api.deletions).toEqual([]);
    expect(c.run('delete pod web -o yaml').stderr).toBe(
      "error: unexpected -o output mode: yaml. We only support '-o name'\n",
    );
  });
});
