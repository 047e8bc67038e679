import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';

describe('kubectl create configmap (create_configmap.go)', () => {
  it('packs files (keyed by basename or the given key) and literals into data', () => {
    const t = new TestCluster();
    t.session.writeFile('app.properties', 'color=blue\nsize=10\n');
    expect(
      t.kubectl(
        'create configmap web --from-file=app.properties --from-file=conf=app.properties --from-literal=a=1 -o yaml --dry-run=client',
      ).stdout,
    ).toBe(
      'apiVersion: v1\ndata:\n  a: "1"\n  app.properties: |\n    color=blue\n    size=10\n  conf: |\n    color=blue\n    size=10\nkind: ConfigMap\nmetadata:\n  name: web\n',
    );
    expect(t.kubectl('create cm web --from-literal=mode=dev --from-literal=url=http://x?a=b').stdout).toBe(
      'configmap/web created\n',
    );
    expect(t.kubectl('get cm web -o jsonpath={.data}').stdout).toBe('{"mode":"dev","url":"http://x?a=b"}');
    expect(t.kubectl('create cm other -n kube-system --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n  namespace: kube-system\n',
    );
  });

  it('reads env files: comments, blank lines and leading blanks skipped, a bare key empty', () => {
    const t = new TestCluster();
    t.session.writeFile('app.env', '\uFEFF# settings\n\n  A=1\nB=x=y\r\nC\n');
    expect(t.kubectl('create configmap env --from-env-file=app.env -o yaml --dry-run=client').stdout).toBe(
      'apiVersion: v1\ndata:\n  A: "1"\n  B: x=y\n  C: ""\nkind: ConfigMap\nmetadata:\n  name: env\n',
    );
    t.session.writeFile('bad.env', 'GOOD=1\n1BAD=2\n');
    expect(t.kubectl('create configmap env --from-env-file=bad.env').stderr).toBe(
      `error: "1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`,
    );
  });

  it('appends the hash of kind, name and data with --append-hash (hash.ConfigMapHash)', () => {
    const t = new TestCluster();
    expect(t.kubectl('create configmap h --from-literal=a=b --append-hash').stdout).toBe(
      'configmap/h-tgm746dk2t created\n',
    );
    expect(t.kubectl('create configmap empty --append-hash --dry-run=client').stdout).toBe(
      'configmap/empty-b6t642d2fb created (dry run)\n',
    );
  });

  it('says what is wrong with a source, as kubectl does', () => {
    const t = new TestCluster();
    t.session.writeFile('a.env', 'A=1\n');
    const error = (line: string) => t.kubectl(line).stderr;
    expect(error('create configmap d --from-literal=a=1 --from-literal=a=2')).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "d"\n',
    );
    expect(error('create configmap d --from-literal=a/b=1')).toBe(
      `error: "a/b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    );
    expect(error('create configmap d --from-literal=novalue')).toBe(
      'error: invalid literal source novalue, expected key=value\n',
    );
    expect(error('create configmap d --from-file=missing.txt')).toBe(
      'error: error reading missing.txt: no such file or directory\n',
    );
    expect(error('create configmap d --from-file==a.env')).toBe('error: key name for file path a.env missing\n');
    expect(error('create configmap d --from-file=k=a=b')).toBe("error: key names or file paths cannot contain '='\n");
    expect(error('create configmap d --from-env-file=a.env --from-literal=b=2')).toBe(
      'error: from-env-file cannot be combined with from-file or from-literal\n',
    );
    expect(error('create configmap --from-literal=a=1')).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n",
    );
    t.kubectl('create configmap d --from-literal=a=1');
    expect(error('create configmap d --from-literal=a=1')).toBe(
      'error: failed to create configmap: configmaps "d" already exists\n',
    );
  });
});
