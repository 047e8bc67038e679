/** PersistentVolumes, claims, classes and pods for the storage tests, as a user would write them. Used by tests only. */

/** A hostPath PersistentVolume of `size`, ReadWriteOnce and Retain unless `spec` says otherwise. */
export function volumeManifest(name: string, size: string, spec: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: {
      capacity: { storage: size },
      accessModes: ['ReadWriteOnce'],
      hostPath: { path: `/mnt/${name}` },
      ...spec,
    },
  };
}

/** A claim in `default` for `size`, ReadWriteOnce unless `spec` says otherwise. */
export function claimManifest(name: string, size: string, spec: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } }, ...spec },
  };
}

/** A StorageClass; `fields` sets the provisioner, binding mode, reclaim policy, annotations. */
export function classManifest(name: string, fields: Record<string, unknown> = {}): unknown {
  const { annotations, ...rest } = fields;
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(annotations ? { annotations } : {}) },
    provisioner: 'example.com/nfs',
    ...rest,
  };
}

/** A busybox pod in `default` mounting each claim at /data/<claim>. */
export function podManifest(name: string, claims: string[], spec: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'busybox',
          command: ['sleep', '3600'],
          volumeMounts: claims.map((claim) => ({ name: claim, mountPath: `/data/${claim}` })),
        },
      ],
      volumes: claims.map((claim) => ({ name: claim, persistentVolumeClaim: { claimName: claim } })),
      ...spec,
    },
  };
}

/** A Ready node named `name` with its hostname label. */
export function nodeManifest(name: string): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } },
  };
}
