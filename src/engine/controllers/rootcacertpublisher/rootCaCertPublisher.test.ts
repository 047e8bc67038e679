import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';
import { resolveResourceName } from '../../api/resources';
import { CLUSTER_CA_CERT } from './rootCaCertPublisher';

const CONFIG_MAPS = resolveResourceName('configmaps')!;

describe('root CA certificate publisher (certificates/rootcacertpublisher/publisher.go)', () => {
  it('publishes kube-root-ca.crt in every namespace, new ones included, and puts it back when deleted', () => {
    const t = new TestCluster();
    t.kubectl('create namespace team-a');
    t.advance(1);
    for (const namespace of ['default', 'kube-system', 'team-a'])
      expect(t.cluster.api.find(CONFIG_MAPS, namespace, 'kube-root-ca.crt')?.data).toEqual({
        'ca.crt': CLUSTER_CA_CERT,
      });
    t.kubectl('delete configmap kube-root-ca.crt');
    t.advance(1);
    expect(t.cluster.api.find(CONFIG_MAPS, 'default', 'kube-root-ca.crt')).toBeDefined();
  });

  it('is what every pod finds in its service account volume, with its namespace and a token', () => {
    const t = new TestCluster();
    t.kubectl('create namespace team-a');
    t.kubectl('run c -n team-a --image=busybox -- sleep 3600');
    t.advance(20);
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount';
    expect(t.kubectl(`exec -n team-a c -- ls ${dir}`).stdout).toBe('ca.crt\nnamespace\ntoken\n');
    expect(t.kubectl(`exec -n team-a c -- cat ${dir}/namespace`).stdout).toBe('team-a');
    expect(t.kubectl(`exec -n team-a c -- cat ${dir}/ca.crt`).stdout).toBe(CLUSTER_CA_CERT);
    const token = t.kubectl(`exec -n team-a c -- cat ${dir}/token`).stdout;
    const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { sub: string };
    expect(claims.sub).toBe('system:serviceaccount:team-a:default');
  });
});
