import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { createDefaultStorageClass } from '../controllers/volume/persistentvolume/defaultStorageClass';

const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const NOT_HELPFUL = 'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.';

function podYaml(name: string, claim: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: busybox
    command: [sleep, "3600"]
    volumeMounts:
    - {name: data, mountPath: /data}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: ${claim}}
`;
}

function claimYaml(name: string, className: string, size = '1Gi'): string {
  return `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  storageClassName: "${className}"
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${size}
`;
}

/** A local volume on `node` of class `local-storage` (created by hand, nothing provisions that class). */
function localVolumeYaml(name: string, node: string, size = '5Gi'): string {
  return `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity: {storage: ${size}}
  accessModes: [ReadWriteOnce]
  storageClassName: local-storage
  local: {path: /mnt/disks/${name}}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [${node}]}
`;
}

const LOCAL_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-storage
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
`;

function cluster(): TestCluster {
  const t = new TestCluster({ seed: 3 });
  createDefaultStorageClass(t.cluster.api);
  return t;
}

describe('Scheduler: VolumeBinding PreFilter', () => {
  it('rejects a pod whose claim does not exist, and schedules it once the claim appears', () => {
    const t = cluster();
    t.apply(podYaml('app', 'data'));
    t.advance(1);
    expect(t.events('app')).toEqual([
      `FailedScheduling: 0/4 nodes are available: persistentvolumeclaim "data" not found. ${NOT_HELPFUL}`,
    ]);
    t.apply(claimYaml('data', 'standard'));
    // The claim's creation requeues the pod; the scheduler picks a node, the volume is provisioned, the pod bound.
    const waited = t.waitFor(() => !!t.pod('app')?.spec.nodeName, 30);
    expect(waited).toBe(4);
  });

  it('rejects a pod whose claim binds at once but is not bound yet, until a volume comes', () => {
    const t = cluster();
    t.apply(claimYaml('logs', ''));
    t.apply(podYaml('app', 'logs'));
    t.advance(1);
    expect(t.events('app')).toEqual([
      `FailedScheduling: 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${NOT_HELPFUL}`,
    ]);
    expect(t.pod('app')?.status?.conditions?.[0]).toMatchObject({ reason: 'Unschedulable' });
    t.apply(`apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  capacity: {storage: 2Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /mnt/pv1}
`);
    // The PV controller notices the new volume at its resync of the claim, 15 s after the claim's first sync;
    // the claim's update requeues the pod at once.
    const waited = t.waitFor(() => !!t.pod('app')?.spec.nodeName, 30);
    expect(t.elapsed()).toBe(16);
    expect(waited).toBe(15);
  });

  it('treats a claim of a class that does not exist as immediate', () => {
    const t = cluster();
    t.apply(claimYaml('eureka-data-eureka-0', 'alicloud-nas'));
    t.apply(podYaml('eureka-0', 'eureka-data-eureka-0'));
    t.advance(1);
    expect(t.events('eureka-0')).toEqual([
      `FailedScheduling: 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims. ${NOT_HELPFUL}`,
    ]);
  });
});

describe('Scheduler: VolumeBinding Filter', () => {
  it('binds a WaitForFirstConsumer claim to the local volume of a node the pod fits, and the pod to that node', () => {
    const t = cluster();
    t.apply(LOCAL_CLASS);
    t.apply(localVolumeYaml('local-w2', 'worker2'));
    t.apply(claimYaml('data', 'local-storage'));
    t.apply(podYaml('app', 'data'));
    t.waitFor(() => !!t.pod('app')?.spec.nodeName, 10);
    expect(t.pod('app')!.spec.nodeName).toBe('worker2');
    expect(t.kubectl('get pvc data').stdout).toMatch(/^data\s+Bound\s+local-w2\s+5Gi\s+RWO\s+local-storage\s/m);
    // The scheduler pre-bound the volume: its claimRef and the bound-by-controller annotation are the scheduler's.
    const volume = t.cluster.api.find(t.cluster.api.resolveResource('pv')!, undefined, 'local-w2')!;
    expect(volume.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
  });

  it('reports nodes without a usable volume when the class cannot provision', () => {
    const t = cluster();
    t.apply(LOCAL_CLASS);
    t.apply(localVolumeYaml('tiny', 'worker1', '100Mi'));
    t.apply(claimYaml('data', 'local-storage'));
    t.apply(podYaml('app', 'data'));
    t.advance(1);
    expect(t.events('app')).toEqual([
      `FailedScheduling: 0/4 nodes are available: ${TAINT}, 3 node(s) didn't find available persistent volumes ` +
        `to bind. ${NOT_HELPFUL}`,
    ]);
  });

  it('keeps a pod with a bound claim on the node its volume is pinned to', () => {
    const t = cluster();
    t.apply(LOCAL_CLASS);
    t.apply(localVolumeYaml('local-m1', 'master1'));
    t.apply(claimYaml('data', 'local-storage'));
    // The first pod tolerates the control plane's taint; the volume is bound to master1 for it.
    t.apply(
      podYaml('first', 'data').replace(
        '  containers:',
        '  tolerations:\n  - {key: node-role.kubernetes.io/control-plane, operator: Exists}\n  containers:',
      ),
    );
    t.waitFor(() => !!t.pod('first')?.spec.nodeName, 10);
    expect(t.pod('first')!.spec.nodeName).toBe('master1');
    t.apply(podYaml('second', 'data'));
    t.advance(1);
    expect(t.events('second')).toEqual([
      `FailedScheduling: 0/4 nodes are available: ${TAINT}, 3 node(s) had volume node affinity conflict. ${NOT_HELPFUL}`,
    ]);
  });
});
