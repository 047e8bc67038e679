import { describe, expect, it } from 'vitest';
import { createSeededCluster as cluster } from '../testing/fixtures';

describe('kubectl label', () => {
  it('reports every label that already has a value, a line each as kubectl prints an aggregate', () => {
    const c = cluster();
    c.run('label pod web tier=fe');
    expect(c.run('label pod web app=a tier=b')).toEqual({
      stdout: '',
      stderr:
        "'app' already has a value (web), and --overwrite is false\n'tier' already has a value (fe), and --overwrite is false\n",
      exitCode: 1,
    });
  });

  it('rejects malformed pairs with label.go’s messages', () => {
    const c = cluster();
    expect(c.run('label pod web a=b=c').stderr).toBe('error: invalid label spec: a=b=c\n');
    expect(c.run('label pod web a=-x').stderr).toBe(
      "error: invalid label value: \"a=-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
    );
    expect(c.run('label pod web a=b a-').stderr).toBe(
      'error: can not both modify and remove a label in the same command\n',
    );
    expect(c.run('label a=b').stderr).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    );
    expect(c.run('label pods --all -l app=web a=b').stderr).toBe(
      'error: cannot set --all and --selector at the same time\n',
    );
  });

  it('prints the changed object with -o, and lists labels with --list', () => {
    const c = cluster();
    expect(c.run('label pod web tier=fe -o jsonpath={.metadata.labels}').stdout).toBe('{"app":"web","tier":"fe"}');
    expect(c.run('label pod web --list').stdout).toBe('app=web\ntier=fe\n');
    expect(c.run('label pod web --list -o yaml').stderr).toBe(
      'error: --list and --output may not be specified together\n',
    );
    expect(c.run('label pods --all --list').stdout).toBe(
      'Listing labels for Pod./liveness-exec:\n test=liveness\nListing labels for Pod./web:\n app=web\n tier=fe\n',
    );
  });

  it('says labeled, unlabeled or not labeled as the object changed', () => {
    const c = cluster();
    expect(c.run('label pod web tier=frontend').stdout).toBe('pod/web labeled\n');
    expect(c.run('label pod web tier- a=b').stdout).toBe('pod/web unlabeled\n');
    expect(c.run('label pod web a- tier=frontend').stdout).toBe('pod/web labeled\n');
    expect(c.run('label pod web tier- --overwrite').stdout).toBe('pod/web labeled\n');
    expect(c.run('label pod web app=web --overwrite').stdout).toBe('pod/web not labeled\n');
  });

  it('changes nothing on a client dry run', () => {
    const c = cluster();
    expect(c.run('label pod web tier=fe --dry-run=client').stdout).toBe('pod/web labeled (dry run)\n');
    expect(c.api.patches).toEqual([]);
  });
});

describe('kubectl annotate', () => {
  it('parses pairs as ParsePairs does and names both-modified-and-removed keys', () => {
    const c = cluster();
    expect(c.run('annotate pod web note=a=b').stdout).toBe('pod/web annotated\n');
    expect(c.run('get pod web -o jsonpath={.metadata.annotations.note}').stdout).toBe('a=b');
    expect(c.run('annotate pod web x=1 x- y=2 y-').stderr).toBe(
      'error: can not both modify and remove the following annotation(s) in the same command: x, y\n',
    );
    expect(c.run('annotate pod web').stderr).toBe('error: at least one annotation update is required\n');
  });

  it('always lets the change-cause annotation be overwritten', () => {
    const c = cluster();
    c.run('annotate pod web kubernetes.io/change-cause=first');
    expect(c.run('annotate pod web kubernetes.io/change-cause=second').stdout).toBe('pod/web annotated\n');
  });
});
