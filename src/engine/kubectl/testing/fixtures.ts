/** Objects as a v1.34 cluster stores them, for kubectl's output tests. */
import type { KubeObject } from '../../api/types';
import { T0, createFakeCluster, type FakeCluster } from './fakeCluster';

/** An RFC 3339 time `seconds` after the fake clock's start. */
export const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString().replace('.000Z', 'Z');

function node(
  name: string,
  options: { roles?: string[]; ready?: boolean; unschedulable?: boolean; ip: string; created?: number },
): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  for (const role of options.roles ?? []) labels[`node-role.kubernetes.io/${role}`] = '';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `node-uid-${name}`,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: at(options.created ?? 0),
    },
    spec: {
      podCIDR: '10.244.1.0/24',
      podCIDRs: ['10.244.1.0/24'],
      ...(options.unschedulable
        ? {
            unschedulable: true,
            taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: at(10) }],
          }
        : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: options.ip },
        { type: 'Hostname', address: name },
      ],
      capacity: { cpu: '2', 'ephemeral-storage': '61202244Ki', memory: '4010196Ki', pods: '110' },
      allocatable: { cpu: '2', 'ephemeral-storage': '56403987978', memory: '3907796Ki', pods: '110' },
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          lastHeartbeatTime: at(3000),
          lastTransitionTime: at(0),
          reason: 'KubeletHasSufficientMemory',
          message: 'kubelet has sufficient memory available',
        },
        {
          type: 'Ready',
          status: options.ready === false ? 'False' : 'True',
          lastHeartbeatTime: at(3000),
          lastTransitionTime: at(20),
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
        },
      ],
      nodeInfo: {
        machineID: 'f0c8a1b2c3d4e5f60718293a4b5c6d7e',
        systemUUID: '4c4c4544-0042-4810-8056-b7c04f4a3332',
        bootID: '9a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9',
        kernelVersion: '6.8.0-1015-gcp',
        osImage: 'Ubuntu 22.04.5 LTS',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: 'v1.34.1',
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** A running nginx pod on worker1. */
export function webPod(name = 'web', labels: Record<string, string> = { app: 'web' }, created = 3000): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `pod-uid-${name}`, labels, creationTimestamp: at(created) },
    spec: {
      containers: [
        { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} },
      ],
      nodeName: 'worker1',
      restartPolicy: 'Always',
      serviceAccountName: 'default',
      priority: 0,
    },
    status: {
      phase: 'Running',
      hostIP: '192.168.49.3',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      startTime: at(created),
      qosClass: 'BestEffort',
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: at(created) },
        { type: 'Ready', status: 'True', lastTransitionTime: at(created + 5) },
      ],
      containerStatuses: [
        {
          name: 'nginx',
          image: 'docker.io/library/nginx:1.25',
          imageID: 'docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
          containerID: 'containerd://6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f40312233445566778899a',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: at(created + 4) } },
        },
      ],
    },
  };
}

/** A pod whose exec liveness probe failed twice: restarted, running again. */
function livenessPod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'liveness-exec',
      namespace: 'default',
      uid: 'pod-uid-liveness',
      labels: { test: 'liveness' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1"}\n' },
      creationTimestamp: at(3000),
    },
    spec: {
      containers: [
        {
          name: 'liveness',
          image: 'busybox',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: {
            exec: { command: ['cat', '/tmp/healthy'] },
            initialDelaySeconds: 5,
            periodSeconds: 5,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 3,
          },
          readinessProbe: {
            httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 3,
            periodSeconds: 3,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 3,
          },
          resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
          env: [{ name: 'GREETING', value: 'hello' }],
          volumeMounts: [
            {
              name: 'kube-api-access-x7k2p',
              mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
              readOnly: true,
            },
          ],
        },
      ],
      nodeName: 'worker1',
      restartPolicy: 'Always',
      serviceAccountName: 'default',
      priority: 0,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      volumes: [
        {
          name: 'kube-api-access-x7k2p',
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
                },
              },
            ],
          },
        },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '192.168.49.3',
      podIP: '10.244.1.7',
      podIPs: [{ ip: '10.244.1.7' }],
      startTime: at(3000),
      qosClass: 'Burstable',
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at(3002) },
        { type: 'Initialized', status: 'True', lastTransitionTime: at(3000) },
        {
          type: 'Ready',
          status: 'False',
          lastTransitionTime: at(3130),
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [liveness]',
        },
        {
          type: 'ContainersReady',
          status: 'False',
          lastTransitionTime: at(3130),
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [liveness]',
        },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: at(3000) },
      ],
      containerStatuses: [
        {
          name: 'liveness',
          image: 'docker.io/library/busybox:latest',
          imageID: 'docker.io/library/busybox@sha256:768e5c6f5cb6db0794eec98dc7a967f40631746c32232b78a3105fb946f3ab83',
          containerID: 'containerd://a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
          ready: false,
          started: true,
          restartCount: 2,
          state: { running: { startedAt: at(3142) } },
          lastState: { terminated: { exitCode: 137, reason: 'Error', startedAt: at(3071), finishedAt: at(3141) } },
        },
      ],
    },
  };
}

function event(
  name: string,
  involved: { kind: string; name: string; uid: string; fieldPath?: string },
  fields: {
    type: string;
    reason: string;
    message: string;
    first: number;
    last?: number;
    count?: number;
    component: string;
  },
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default', creationTimestamp: at(fields.first) },
    involvedObject: {
      apiVersion: 'v1',
      kind: involved.kind,
      name: involved.name,
      namespace: 'default',
      uid: involved.uid,
      ...(involved.fieldPath ? { fieldPath: involved.fieldPath } : {}),
    },
    type: fields.type,
    reason: fields.reason,
    message: fields.message,
    firstTimestamp: at(fields.first),
    lastTimestamp: at(fields.last ?? fields.first),
    count: fields.count ?? 1,
    source: { component: fields.component, ...(fields.component === 'kubelet' ? { host: 'worker1' } : {}) },
    reportingComponent: fields.component,
    reportingInstance: fields.component === 'kubelet' ? 'worker1' : '',
  };
}

/** The liveness pod's events: scheduled, pulled, started, then probe failures and kills. */
function livenessEvents(): KubeObject[] {
  const pod = { kind: 'Pod', name: 'liveness-exec', uid: 'pod-uid-liveness' };
  const container = { ...pod, fieldPath: 'spec.containers{liveness}' };
  return [
    event('liveness-exec.1', pod, {
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/liveness-exec to worker1',
      first: 3000,
      component: 'default-scheduler',
    }),
    event('liveness-exec.2', container, {
      type: 'Normal',
      reason: 'Pulling',
      message: 'Pulling image "busybox"',
      first: 3001,
      last: 3141,
      count: 3,
      component: 'kubelet',
    }),
    event('liveness-exec.3', container, {
      type: 'Normal',
      reason: 'Pulled',
      message: 'Successfully pulled image "busybox" in 1.2s (1.2s including waiting). Image size: 2156518 bytes.',
      first: 3002,
      component: 'kubelet',
    }),
    event('liveness-exec.4', container, {
      type: 'Normal',
      reason: 'Created',
      message: 'Created container: liveness',
      first: 3002,
      last: 3142,
      count: 3,
      component: 'kubelet',
    }),
    event('liveness-exec.5', container, {
      type: 'Normal',
      reason: 'Started',
      message: 'Started container liveness',
      first: 3002,
      last: 3142,
      count: 3,
      component: 'kubelet',
    }),
    event('liveness-exec.6', container, {
      type: 'Warning',
      reason: 'Unhealthy',
      message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      first: 3037,
      last: 3137,
      count: 6,
      component: 'kubelet',
    }),
    event('liveness-exec.7', container, {
      type: 'Normal',
      reason: 'Killing',
      message: 'Container liveness failed liveness probe, will be restarted',
      first: 3047,
      last: 3137,
      count: 2,
      component: 'kubelet',
    }),
  ];
}

/** Two nodes, the nginx pod `web` and the restarted `liveness-exec` pod with its events; the clock at 53 min. */
export function seedBasicCluster(api: { seed(o: KubeObject): KubeObject; clock: number }): void {
  api.clock = Date.parse(at(3180));
  api.seed(node('master', { roles: ['control-plane'], ip: '192.168.49.2' }));
  api.seed(node('worker1', { ip: '192.168.49.3', created: 60 }));
  api.seed(webPod());
  api.seed(livenessPod());
  for (const e of livenessEvents()) api.seed(e);
}

/** A fake cluster seeded with `seedBasicCluster`'s nodes, pods and events, and the given user files. */
export function createSeededCluster(files: Record<string, string> = {}): FakeCluster {
  const cluster = createFakeCluster(files);
  seedBasicCluster(cluster.api);
  return cluster;
}
