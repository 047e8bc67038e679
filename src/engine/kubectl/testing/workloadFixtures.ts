/**
 * Workload objects as a v1.34 apiserver stores them (defaults filled in), for kubectl's tests of printers,
 * describers and rollout commands. Status is whatever a test passes: no controller runs in the fake cluster.
 */
import type { KubeObject } from '../../api/types';
import { at } from './fixtures';

/** A defaulted pod template with one container. */
export function podTemplate(labels: Record<string, string>, image = 'nginx:1.25', name = 'nginx'): KubeObject['spec'] {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name,
          image,
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  };
}

export interface WorkloadOptions {
  replicas?: number;
  image?: string;
  /** Seconds after the fake clock's start. */
  created?: number;
  status?: Record<string, unknown>;
  annotations?: Record<string, string>;
  generation?: number;
}

/** A Deployment `name` selecting `app=<name>`, with the apiserver's defaults. */
export function deployment(name = 'web', options: WorkloadOptions = {}): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'default',
      uid: `deploy-uid-${name}`,
      generation: options.generation ?? 1,
      labels,
      ...(options.annotations ? { annotations: options.annotations } : {}),
      creationTimestamp: at(options.created ?? 3000),
    },
    spec: {
      replicas: options.replicas ?? 3,
      selector: { matchLabels: labels },
      template: podTemplate(labels, options.image),
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: options.status ?? {},
  };
}

/** A ReplicaSet of a Deployment: its template with the hash label, the revision annotation, the owner reference. */
export function replicaSet(
  owner: KubeObject,
  hash: string,
  revision: number,
  options: WorkloadOptions & { changeCause?: string } = {},
): KubeObject {
  const template = structuredClone((owner.spec as { template: KubeObject['spec'] }).template) as {
    metadata: { labels: Record<string, string> };
    spec: { containers: { image: string }[] };
  };
  template.metadata.labels['pod-template-hash'] = hash;
  if (options.image) (template.spec.containers[0] as { image: string }).image = options.image;
  const labels = { ...template.metadata.labels };
  const name = `${owner.metadata.name}-${hash}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `rs-uid-${name}`,
      generation: 1,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(options.replicas ?? 3),
        'deployment.kubernetes.io/max-replicas': '4',
        'deployment.kubernetes.io/revision': String(revision),
        ...(options.changeCause ? { 'kubernetes.io/change-cause': options.changeCause } : {}),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: owner.metadata.name ?? '',
          uid: owner.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      creationTimestamp: at(options.created ?? 3000),
    },
    spec: { replicas: options.replicas ?? 3, selector: { matchLabels: labels }, template },
    status: options.status ?? { replicas: 0 },
  };
}

/** A running pod owned by a controller, named `<owner>-<suffix>`. */
export function ownedPod(owner: KubeObject, suffix: string, phase = 'Running'): KubeObject {
  const template = (owner.spec as { template: { metadata: { labels: Record<string, string> }; spec: unknown } })
    .template;
  const name = `${owner.metadata.name}-${suffix}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `pod-uid-${name}`,
      labels: template.metadata.labels,
      ownerReferences: [
        {
          apiVersion: owner.apiVersion,
          kind: owner.kind,
          name: owner.metadata.name ?? '',
          uid: owner.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      creationTimestamp: at(3005),
    },
    spec: { ...(template.spec as object), nodeName: 'worker1' },
    status: { phase },
  };
}

/** Metadata of a namespaced object created 3000 s after the clock's start. */
function meta(kind: string, name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject['metadata'] {
  return { name, namespace: 'default', uid: `${kind}-${name}`, creationTimestamp: at(3000), ...extra };
}

/** A pod template as `podTemplate` makes it, changed by `edit`. */
function template(
  labels: Record<string, string>,
  image: string,
  name: string,
  edit: (spec: Record<string, unknown>, container: Record<string, unknown>) => void = () => {},
): KubeObject['spec'] {
  const t = podTemplate(labels, image, name) as {
    spec: Record<string, unknown> & { containers: Record<string, unknown>[] };
  };
  edit(t.spec, t.spec.containers[0] as Record<string, unknown>);
  return t;
}

/**
 * One object of each kind `get` and `describe` print besides pods and nodes: StatefulSet `db`, DaemonSet `fluentd`
 * with its ControllerRevision, Jobs `pi` (complete) and `work` (running), CronJob `hello`, Services `web`
 * (NodePort), `lb` (LoadBalancer, two named ports) and `db` (headless), Endpoints and an EndpointSlice, ConfigMap
 * `app-config`, Secret `db-pass`, ServiceAccount `default`, PersistentVolume `pv0001` bound to claim `data`, claim
 * `pending`, and HPA `web`.
 */
export function seedAllKinds(api: { seed(o: KubeObject): KubeObject }): void {
  const objects: KubeObject[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta('sts', 'db', { labels: { app: 'db' }, generation: 1 }),
      spec: {
        replicas: 3,
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: template({ app: 'db' }, 'mysql:8.0', 'mysql'),
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        podManagementPolicy: 'OrderedReady',
        revisionHistoryLimit: 10,
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: '1Gi' } },
              storageClassName: 'standard',
            },
          },
        ],
      },
      status: { replicas: 2, readyReplicas: 1, currentReplicas: 2, updatedReplicas: 2, observedGeneration: 1 },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: meta('ds', 'fluentd', { labels: { app: 'fluentd' }, generation: 1 }),
      spec: {
        selector: { matchLabels: { app: 'fluentd' } },
        template: template({ app: 'fluentd' }, 'fluentd:v1.16', 'fluentd', (spec) => {
          spec.nodeSelector = { 'kubernetes.io/os': 'linux' };
        }),
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      },
      status: {
        desiredNumberScheduled: 2,
        currentNumberScheduled: 2,
        numberReady: 2,
        updatedNumberScheduled: 2,
        numberAvailable: 2,
        numberMisscheduled: 0,
        observedGeneration: 1,
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: meta('cr', 'fluentd-6d4cf56db6', {
        labels: { app: 'fluentd', 'controller-revision-hash': '6d4cf56db6' },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'ds-fluentd', controller: true },
        ],
      }),
      data: {
        spec: {
          template: {
            $patch: 'replace',
            metadata: { labels: { app: 'fluentd' } },
            spec: { containers: [{ name: 'fluentd', image: 'fluentd:v1.16' }] },
          },
        },
      },
      revision: 1,
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('job', 'pi', { labels: { 'batch.kubernetes.io/job-name': 'pi' } }),
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 6,
        completionMode: 'NonIndexed',
        suspend: false,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-pi' } },
        template: template({ 'batch.kubernetes.io/job-name': 'pi' }, 'perl:5.34', 'pi', (spec, container) => {
          spec.restartPolicy = 'Never';
          delete container.ports;
          container.command = ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'];
        }),
      },
      status: {
        startTime: at(3000),
        completionTime: at(3042),
        succeeded: 1,
        ready: 0,
        conditions: [{ type: 'Complete', status: 'True' }],
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta('job', 'work'),
      spec: {
        parallelism: 2,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'job-work' } },
        template: template({}, 'busybox', 'work'),
      },
      status: { startTime: at(3100), active: 2, ready: 1 },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: meta('cj', 'hello'),
      spec: {
        schedule: '*/1 * * * *',
        concurrencyPolicy: 'Allow',
        suspend: false,
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: { metadata: {}, spec: { template: template({}, 'busybox:1.28', 'hello') } },
      },
      status: { lastScheduleTime: at(3120), active: [{ kind: 'Job', name: 'hello-28934040', namespace: 'default' }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('svc', 'web', { labels: { app: 'web' } }),
      spec: {
        type: 'NodePort',
        selector: { app: 'web' },
        clusterIP: '10.96.12.34',
        clusterIPs: ['10.96.12.34'],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30080 }],
        sessionAffinity: 'None',
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('svc', 'lb'),
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'web' },
        clusterIP: '10.96.0.50',
        clusterIPs: ['10.96.0.50'],
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 31000 },
          { name: 'https', port: 443, targetPort: 8443, protocol: 'TCP', nodePort: 31001 },
        ],
        sessionAffinity: 'None',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta('svc', 'db'),
      spec: {
        type: 'ClusterIP',
        clusterIP: 'None',
        clusterIPs: ['None'],
        selector: { app: 'db' },
        ports: [{ port: 3306, targetPort: 3306, protocol: 'TCP' }],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('ep', 'web'),
      subsets: [
        {
          addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.1.6' }, { ip: '10.244.2.7' }, { ip: '10.244.2.8' }],
          notReadyAddresses: [{ ip: '10.244.2.9' }],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta('ep', 'db'),
      subsets: [{ notReadyAddresses: [{ ip: '10.244.1.9' }], ports: [{ port: 3306, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: meta('eps', 'web-abc12', { labels: { 'kubernetes.io/service-name': 'web' } }),
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [
        {
          addresses: ['10.244.1.5'],
          conditions: { ready: true, serving: true, terminating: false },
          nodeName: 'worker1',
          targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default' },
        },
        { addresses: ['10.244.2.9'], conditions: { ready: false }, nodeName: 'worker1' },
      ],
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta('cm', 'app-config'),
      data: { 'game.properties': 'lives=3\nenemies=aliens', mode: 'dark' },
      binaryData: { logo: 'iVBORw0KGgo=' },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta('secret', 'db-pass'),
      type: 'Opaque',
      data: { password: 'MWYyZDFlMmU2N2Rm', username: 'YWRtaW4=' },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('sa', 'default') },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: 'pv0001',
        uid: 'pv-1',
        creationTimestamp: at(3000),
        finalizers: ['kubernetes.io/pv-protection'],
      },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'manual',
        hostPath: { path: '/mnt/data', type: '' },
        volumeMode: 'Filesystem',
        claimRef: { namespace: 'default', name: 'data' },
      },
      status: { phase: 'Bound' },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('pvc', 'data', { finalizers: ['kubernetes.io/pvc-protection'] }),
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '3Gi' } },
        storageClassName: 'manual',
        volumeName: 'pv0001',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } },
    },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('pvc', 'pending'),
      spec: {
        accessModes: ['ReadWriteMany'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'fast',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta('hpa', 'web'),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
        ],
      },
      status: {
        currentReplicas: 3,
        desiredReplicas: 3,
        currentMetrics: [
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 22, averageValue: '110m' } } },
        ],
        conditions: [
          {
            type: 'AbleToScale',
            status: 'True',
            reason: 'ReadyForNewScale',
            message: 'recommended size matches current size',
          },
        ],
      },
    },
  ];
  for (const object of objects) api.seed(object);
}

/**
 * A Deployment `web` at revision 2 with two ReplicaSets (one pod running, one pending under the new one) and a
 * scaling event, and a ReplicationController `legacy` whose template has env, a volume and a toleration.
 */
export function seedDeploymentScene(api: { seed(o: KubeObject): KubeObject }): void {
  const d = deployment('web', {
    annotations: { 'deployment.kubernetes.io/revision': '2' },
    status: {
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 1,
      observedGeneration: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
      ],
    },
  });
  api.seed(d);
  const rs = replicaSet(d, '5d8f7c9b4f', 2, { status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 } });
  api.seed(rs);
  api.seed(replicaSet(d, '7c79c4bf97', 1, { replicas: 0, image: 'nginx:1.24', created: 1000 }));
  api.seed(ownedPod(rs, 'abcde'));
  api.seed(ownedPod(rs, 'fghij', 'Pending'));
  api.seed({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'web.1', namespace: 'default', creationTimestamp: at(3000) },
    involvedObject: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'web',
      namespace: 'default',
      uid: 'deploy-uid-web',
    },
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: 'Scaled up replica set web-5d8f7c9b4f from 0 to 3',
    firstTimestamp: at(3000),
    lastTimestamp: at(3000),
    count: 1,
    source: { component: 'deployment-controller' },
  });
  api.seed({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: {
      name: 'legacy',
      namespace: 'default',
      uid: 'rc-legacy',
      labels: { app: 'legacy' },
      creationTimestamp: at(3000),
    },
    spec: {
      replicas: 2,
      selector: { app: 'legacy' },
      template: {
        metadata: { labels: { app: 'legacy' } },
        spec: {
          serviceAccountName: 'builder',
          containers: [
            {
              name: 'app',
              image: 'busybox',
              command: ['sh', '-c', 'sleep 3600'],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
                { name: 'MODE', value: 'batch' },
              ],
              volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
            },
          ],
          volumes: [{ name: 'cache', emptyDir: {} }],
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }],
        },
      },
    },
    status: {
      replicas: 2,
      readyReplicas: 2,
      conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }],
    },
  });
}
