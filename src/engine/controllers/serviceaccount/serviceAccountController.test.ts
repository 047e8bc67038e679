import { describe, expect, it } from 'vitest';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { TestCluster } from '../../testing/testCluster';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { SERVICE_ACCOUNT_CONTROLLER } from './serviceAccountController';

const NAMESPACES = resolveResourceName('namespaces')!;
const SERVICE_ACCOUNTS = resolveResourceName('serviceaccounts')!;

describe('service account controller', () => {
  it('creates the default ServiceAccount of a new namespace, and again after it is deleted', () => {
    const h = new OneSyncHarness(SERVICE_ACCOUNT_CONTROLLER);
    const namespace = h.create<KubeObject>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    expect(h.keysFor('ADDED', namespace)).toEqual(['demo']);
    expect(h.sync('demo')).toEqual(['create serviceaccounts/default']);
    expect(h.sync('demo')).toEqual([]);
    const account = h.api.find(SERVICE_ACCOUNTS, 'demo', 'default')!;
    h.api.delete(SERVICE_ACCOUNTS, 'demo', 'default');
    expect(h.keysFor('DELETED', account)).toEqual(['demo']);
    expect(h.sync('demo')).toEqual(['create serviceaccounts/default']);
  });

  it('leaves a terminating namespace alone', () => {
    const h = new OneSyncHarness(SERVICE_ACCOUNT_CONTROLLER);
    h.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } });
    h.api.delete(NAMESPACES, undefined, 'demo');
    expect(h.sync('demo')).toEqual([]);
  });

  it('gives `kubectl create namespace` its default account', () => {
    const c = new TestCluster();
    c.kubectl('create namespace dev');
    c.advance(1);
    expect(c.kubectl('get serviceaccounts -n dev -o name').stdout).toBe('serviceaccount/default\n');
  });
});
