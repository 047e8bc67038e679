import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: placed
spec:
  nodeName: worker1
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'echo hello > /data/greeting; sleep 3600']
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
`;

const VOLUME = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-data
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/data
`;

describe('a pod whose claim is not bound yet (volumemanager WaitForAttachAndMount)', () => {
  it('waits before its sandbox, says so every 2m3s, and starts once the claim is bound', () => {
    const t = new TestCluster();
    t.apply(CLAIM);
    t.apply(POD);
    t.advance(122);
    expect(t.kubectl('get pod placed').stdout).toMatch(/^placed\s+0\/1\s+ContainerCreating\s+0\s+2m2s$/m);
    expect(t.pod('placed')!.status?.podIP).toBeUndefined();
    expect(t.events('placed').filter((e) => e.startsWith('FailedMount'))).toEqual([]);
    t.advance(2);
    expect(t.events('placed')).toContain(
      'FailedMount: Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[], failed to process volumes=[data]: context deadline exceeded',
    );
    t.apply(VOLUME);
    t.waitFor(() => t.pod('placed')?.status?.phase === 'Running', 60);
    expect(t.kubectl('exec placed -- cat /data/greeting').stdout).toBe('hello\n');

    // A hostPath volume is the node's directory: a pod mounting that path on the same node sees the file.
    t.apply(`apiVersion: v1
kind: Pod
metadata:
  name: neighbour
spec:
  nodeName: worker1
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    volumeMounts:
    - { name: host, mountPath: /host }
  volumes:
  - name: host
    hostPath: { path: /mnt/data }
`);
    t.waitFor(() => t.pod('neighbour')?.status?.phase === 'Running', 30);
    expect(t.kubectl('exec neighbour -- cat /host/greeting').stdout).toBe('hello\n');
  });
});
