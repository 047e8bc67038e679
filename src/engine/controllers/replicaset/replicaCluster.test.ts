/** ReplicaSets and ReplicationControllers from the seeds, in a whole simulated cluster. */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { TestCluster } from '../../testing/testCluster';
import { isPodReady } from '../podConditions';
import { REPLICA_SETS, type ReplicaSet } from './replicaKinds';

const active = (pods: Pod[]) => pods.filter((p) => !p.metadata.deletionTimestamp);

/** Seed 000's ReplicaSet, verbatim. */
const APP_RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: app-rs
  labels:
    app: app-rs
    tier: app-rs
spec:
  # modify replicas according to your case
  replicas: 3
  selector:
    matchLabels:
      tier: app-rs
  template:
    metadata:
      labels:
        tier: app-rs
    spec:
      containers:
        - name: app
          image: app:1.0.0
          imagePullPolicy: Never
`;

/** Seed 003's ReplicaSet with a set-based selector (its Markdown escapes removed). */
const FRONTEND_RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
 name: frontend
 labels:
  app: guestbook
  tier: frontend
spec:
 # modify replicas according to your case
 replicas: 3
 selector:
  matchLabels:
   tier: frontend
  matchExpressions:
   - {key: tier, operator: In, values: [frontend]}
 template:
  metadata:
   labels:
    app: guestbook
    tier: frontend
  spec:
   containers:
   - name: php-redis
     image: gcr.io/google_samples/gb-frontend:v3
     resources:
      requests:
       cpu: 100m
       memory: 100Mi
     env:
     - name: GET_HOSTS_FROM
       value: dns
     ports:
     - containerPort: 80
`;

/** Seed 003's ReplicationController. */
const NGINX_RC = `apiVersion: v1
kind: ReplicationController
metadata:
 name: nginx
spec:
 replicas: 3
 selector:
  app: nginx
 template:
  metadata:
   name: nginx
   labels:
    app: nginx
  spec:
   containers:
   - name: nginx
     image: nginx
     ports:
     - containerPort: 80
`;

describe('ReplicaSet in a running cluster', () => {
  it('S000-rs: owns its 3 pods and replaces one that is deleted', () => {
    const t = new TestCluster();
    t.apply(APP_RS);
    t.advance(5);
    const rs = t.cluster.api.find(REPLICA_SETS, 'default', 'app-rs') as ReplicaSet;
    const pods = t.pods();
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^app-rs-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'app-rs',
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    const victim = pods[0]!.metadata.name;
    expect(t.kubectl(`delete pod ${victim} --wait=false`).exitCode).toBe(0);
    t.advance(1);
    const after = active(t.pods());
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.metadata.name)).not.toContain(victim);
    expect(t.events('app-rs').filter((line) => line.startsWith('SuccessfulCreate'))).toHaveLength(4);
  });

  it('S003-rs-rc: a set-based selector keeps 3 running pods, and scaling down keeps 1', () => {
    const t = new TestCluster();
    t.apply(FRONTEND_RS);
    t.waitFor(() => active(t.pods()).filter(isPodReady).length === 3, 120);
    const rs = t.cluster.api.find(REPLICA_SETS, 'default', 'frontend') as ReplicaSet;
    expect(rs.status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    });
    t.apply(FRONTEND_RS.replace(' replicas: 3', ' replicas: 1'));
    t.advance(1);
    expect(active(t.pods())).toHaveLength(1);
    expect(t.events('frontend').filter((line) => line.startsWith('SuccessfulDelete'))).toHaveLength(2);
  });

  it('S003-rs-rc: a ReplicationController keeps its 3 pods', () => {
    const t = new TestCluster();
    t.apply(NGINX_RC);
    t.waitFor(() => active(t.pods()).filter(isPodReady).length === 3, 120);
    const lines = t.kubectl('get pods').stdout.trim().split('\n').slice(1);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^nginx-[bcdfghjklmnpqrstvwxz2456789]{5}\s+1\/1\s+Running\s+0\s+/);
  });
});
