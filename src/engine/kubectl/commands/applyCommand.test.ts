import { describe, expect, it } from 'vitest';
import { createFakeCluster } from '../testing/fakeCluster';

const TWO_MAPS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
data:
  k: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
`;

describe('kubectl apply and create with several documents', () => {
  it('prints each object on its own, YAML documents separated by ---', () => {
    const c = createFakeCluster({ 'maps.yaml': TWO_MAPS });
    expect(c.run('create -f maps.yaml --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\ndata:\n  k: "1"\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n---\n' +
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  namespace: default\n',
    );
    expect(c.run('apply -f maps.yaml -o name').stdout).toBe('configmap/a\nconfigmap/b\n');
    expect(c.run('apply -f maps.yaml -o jsonpath={.metadata.name}').stdout).toBe('ab');
  });

  it('creates what it can from a heredoc and reports each object that already exists', () => {
    const c = createFakeCluster();
    c.run('create -f -', TWO_MAPS.split('---')[0]);
    expect(c.run('create -f -', TWO_MAPS)).toEqual({
      stdout: 'configmap/b created\n',
      stderr: 'Error from server (AlreadyExists): error when creating "STDIN": configmaps "a" already exists\n',
      exitCode: 1,
    });
    expect(c.run('apply -f -', TWO_MAPS)).toEqual({
      stdout: 'configmap/a configured\nconfigmap/b configured\n',
      stderr:
        'Warning: resource configmaps/a is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n' +
        'Warning: resource configmaps/b is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      exitCode: 0,
    });
    expect(c.run('apply -f -', TWO_MAPS).stdout).toBe('configmap/a unchanged\nconfigmap/b unchanged\n');
  });

  it('says when stdin or a file holds nothing to apply', () => {
    const c = createFakeCluster({ 'empty.yaml': '# nothing\n' });
    expect(c.run('apply -f empty.yaml').stderr).toBe('error: no objects passed to apply\n');
    expect(c.run('create -f missing.yaml').stderr).toBe('error: the path "missing.yaml" does not exist\n');
  });
});
