import { describe, expect, it } from 'vitest';
import type { Event } from '../../../api/kinds';
import { resolveResourceName } from '../../../api/resources';
import { TestCluster } from '../../../testing/testCluster';
import { Session } from '../../../session/session';
import type { PersistentVolume, PersistentVolumeClaim } from './volumeTypes';
import { CLAIMS, VOLUMES } from './volumeTypes';

const EVENTS = resolveResourceName('events')!;

/** A cluster as it starts: kind's default StorageClass, reclaimed volumes losing their data. */
function storageCluster(): TestCluster {
  return new TestCluster({ seed: 7 });
}

function claim(t: TestCluster, name: string): PersistentVolumeClaim | undefined {
  return t.cluster.api.find(CLAIMS, 'default', name) as PersistentVolumeClaim | undefined;
}

function volume(t: TestCluster, name: string): PersistentVolume | undefined {
  return t.cluster.api.find(VOLUMES, undefined, name) as PersistentVolume | undefined;
}

/** `reason: message` of the events about a claim, oldest first. */
function claimEvents(t: TestCluster, name: string): string[] {
  return (t.cluster.api.all(EVENTS, 'default') as Event[])
    .filter((e) => e.involvedObject.kind === 'PersistentVolumeClaim' && e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
    .map((e) => `${e.reason}: ${e.message}`);
}

function runningPod(t: TestCluster, prefix: string) {
  return t
    .pods()
    .find((p) => p.metadata.name.startsWith(prefix) && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
}

const DEPLOYMENT = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: notes
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: notes
spec:
  replicas: 1
  selector:
    matchLabels: {app: notes}
  template:
    metadata:
      labels: {app: notes}
    spec:
      containers:
      - name: app
        image: busybox
        command: [sleep, "3600"]
        volumeMounts:
        - {name: data, mountPath: /data}
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: notes}
`;

describe('storage in the cluster: dynamic provisioning with the default class', () => {
  it('provisions a local-path volume for a Deployment, binds the claim, and keeps the data across pods', () => {
    const t = storageCluster();
    t.apply(DEPLOYMENT);
    const waited = t.waitFor(() => runningPod(t, 'notes-') !== undefined, 60);
    const pvc = claim(t, 'notes')!;
    const pvName = `pvc-${pvc.metadata.uid}`;
    const first = runningPod(t, 'notes-')!;
    expect(pvc.spec.storageClassName).toBe('standard');
    expect(pvc.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
    expect(pvc.spec.volumeName).toBe(pvName);
    expect(pvc.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(first.spec.nodeName);
    expect(volume(t, pvName)!.spec.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values).toEqual(
      [first.spec.nodeName],
    );
    // The pod is bound only once its volume exists: scheduling waits about the helper pod's 2 s and a poll.
    expect(waited).toBeLessThanOrEqual(8);
    // The claim exists before the Deployment's pod; the scheduler picks a node for the pod right away.
    expect(claimEvents(t, 'notes')).toEqual([
      'WaitForFirstConsumer: waiting for first consumer to be created before binding',
      "ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
      'Provisioning: External provisioner is provisioning volume for claim "default/notes"',
      `ProvisioningSucceeded: Successfully provisioned volume ${pvName}`,
    ]);

    expect(t.kubectl(`exec ${first.metadata.name} -- sh -c "echo remember me > /data/note"`).exitCode).toBe(0);
    t.kubectl(`delete pod ${first.metadata.name}`);
    t.waitFor(() => {
      const next = runningPod(t, 'notes-');
      return next !== undefined && next.metadata.name !== first.metadata.name;
    }, 90);
    const second = runningPod(t, 'notes-')!;
    // The volume is pinned to the node it was created on.
    expect(second.spec.nodeName).toBe(first.spec.nodeName);
    expect(t.kubectl(`exec ${second.metadata.name} -- cat /data/note`).stdout).toBe('remember me\n');

    const age = (seconds: number) => `${seconds}s`;
    const pvAge = age(
      Math.round((t.cluster.now() - Date.parse(volume(t, pvName)!.metadata.creationTimestamp!)) / 1000),
    );
    const pvcAge = age(Math.round((t.cluster.now() - Date.parse(pvc.metadata.creationTimestamp!)) / 1000));
    expect(t.kubectl('get pv,pvc').stdout).toBe(
      [
        'NAME                                                        CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM           STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
        `persistentvolume/${pvName}   1Gi        RWO            Delete           Bound    default/notes   standard       <unset>                          ${pvAge}`,
        '',
        'NAME                          STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        `persistentvolumeclaim/notes   Bound    ${pvName}   1Gi        RWO            standard       <unset>                 ${pvcAge}`,
        '',
      ].join('\n'),
    );
  });

  it('binds www-web-0 and www-web-1 for a StatefulSet, keeps them on scale-down and reuses them', () => {
    const t = storageCluster();
    t.apply(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        volumeMounts:
        - {name: www, mountPath: /usr/share/nginx/html}
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`);
    t.waitFor(() => runningPod(t, 'web-1') !== undefined, 120);
    for (const name of ['www-web-0', 'www-web-1']) {
      expect(claim(t, name)?.status?.phase).toBe('Bound');
      expect(claim(t, name)?.spec.storageClassName).toBe('standard');
    }
    const web1Volume = claim(t, 'www-web-1')!.spec.volumeName;
    expect(t.kubectl('exec web-1 -- sh -c "echo web-1 > /usr/share/nginx/html/index.html"').exitCode).toBe(0);

    t.kubectl('scale statefulset web --replicas=1');
    t.waitFor(() => t.pod('web-1') === undefined, 60);
    expect(claim(t, 'www-web-1')?.status?.phase).toBe('Bound');
    t.kubectl('scale statefulset web --replicas=2');
    t.waitFor(() => runningPod(t, 'web-1') !== undefined, 60);
    expect(claim(t, 'www-web-1')!.spec.volumeName).toBe(web1Volume);
    expect(t.kubectl('exec web-1 -- cat /usr/share/nginx/html/index.html').stdout).toBe('web-1\n');
  });
});

describe('storage in the cluster: static volumes', () => {
  const staticVolumes = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-small
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: /mnt/small}
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-large
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: /mnt/large}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: logs
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
`;

  it('binds a claim without a class to the smallest volume that fits, at once (Immediate)', () => {
    const t = storageCluster();
    t.apply(staticVolumes);
    // Bound by the controller's first sync, within the first second.
    expect(t.waitFor(() => claim(t, 'logs')?.status?.phase === 'Bound', 20)).toBe(1);
    expect(claim(t, 'logs')!.spec.volumeName).toBe('pv-large');
    expect(volume(t, 'pv-small')!.status?.phase).toBe('Available');
    expect(t.kubectl('get pv pv-large').stdout).toBe(
      'NAME       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE\n' +
        'pv-large   10Gi       RWO            Retain           Bound    default/logs                  <unset>                          1s\n',
    );
  });

  it('Retain keeps a Released volume and its claimRef; Delete removes a provisioned one', () => {
    const t = storageCluster();
    t.apply(staticVolumes);
    t.apply(DEPLOYMENT);
    t.waitFor(() => runningPod(t, 'notes-') !== undefined && claim(t, 'logs')?.status?.phase === 'Bound', 60);
    const pvName = claim(t, 'notes')!.spec.volumeName!;
    const node = runningPod(t, 'notes-')!.spec.nodeName;
    t.kubectl(`exec ${runningPod(t, 'notes-')!.metadata.name} -- sh -c "echo x > /data/x"`);
    // A local-path volume is a directory on the node the pod runs on.
    const directory = `host:${node}:${volume(t, pvName)!.spec.hostPath!.path}`;
    expect(t.cluster.containers.state.trees[directory]).toBeDefined();

    // In use: the claim waits for its pods (pvc-protection).
    t.kubectl('delete pvc notes --wait=false');
    t.advance(2);
    expect(t.kubectl('get pvc notes').stdout).toMatch(/^notes\s+Terminating\s+pvc-/m);
    t.kubectl('delete deployment notes');
    t.kubectl('delete pvc logs');
    t.waitFor(() => volume(t, pvName) === undefined, 60);
    expect(t.cluster.containers.state.trees[directory]).toBeUndefined();
    expect(node).toBeDefined();

    const retained = volume(t, 'pv-large')!;
    expect(retained.status?.phase).toBe('Released');
    expect(retained.spec.claimRef?.name).toBe('logs');
    expect(t.kubectl('get pv pv-large').stdout).toMatch(
      /^pv-large\s+10Gi\s+RWO\s+Retain\s+Released\s+default\/logs\s/m,
    );
  });
});

describe('storage in the cluster: snapshots', () => {
  it('restores mid-provisioning, with the pod waiting in PreBind, and goes on exactly as the original', () => {
    const original = Session.create({ seed: 5 });
    expect(original.kubectl('apply -f -', DEPLOYMENT).exitCode).toBe(0);
    original.advance(1_500);
    const snapshot = original.cluster.snapshot();
    expect(snapshot.scheduler.binding).toBeDefined();
    expect(Object.keys(snapshot.controllers['local-path-provisioner'] as object)).toEqual([
      'provisioning',
      'failures',
      'deleting',
    ]);
    const restored = Session.restore(JSON.parse(JSON.stringify(snapshot)));
    const continued = (session: Session) => {
      session.advance(10_000);
      return ['get pv,pvc', 'get pods', 'describe pvc notes'].map((c) => session.kubectl(c).stdout);
    };
    const expected = continued(original);
    expect(continued(restored)).toEqual(expected);
    expect(restored.cluster.snapshot()).toEqual(original.cluster.snapshot());
    expect(expected[1]).toMatch(/^notes-\S+\s+1\/1\s+Running/m);
  });
});
