import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { createSeededCluster } from '../testing/fixtures';
import { deployment, replicaSet, seedAllKinds } from '../testing/workloadFixtures';
import { jobPrinter } from './batchPrinters';
import { endpointsPrinter, servicePrinter } from './servicePrinters';
import { formatHpaMetrics } from './hpaPrinter';

const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');
const NOW = Date.parse('2025-01-01T01:00:00Z');

function cluster() {
  const c = createSeededCluster();
  seedAllKinds(c.api);
  return c;
}

/** A Deployment `web` mid-rollout: revision 2 with 2 of 3 ready, revision 1 scaled down. */
function withDeployment() {
  const c = createSeededCluster();
  const d = deployment('web', {
    status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 },
  });
  c.api.seed(d);
  c.api.seed(replicaSet(d, '5d8f7c9b4f', 2, { status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 } }));
  c.api.seed(replicaSet(d, '7c79c4bf97', 1, { replicas: 0, image: 'nginx:1.24', created: 1000 }));
  return c;
}

describe('kubectl get workloads', () => {
  it('prints Deployments and ReplicaSets, with containers, images and selectors when wide', () => {
    const c = withDeployment();
    expect(c.run('get deploy').stdout).toBe(
      lines('NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    2/3     3            2           3m'),
    );
    expect(c.run('get deploy -o wide').stdout).toBe(
      lines(
        'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR',
        'web    2/3     3            2           3m    nginx        nginx:1.25   app=web',
      ),
    );
    expect(c.run('get rs -o wide').stdout).toBe(
      lines(
        'NAME             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR',
        'web-5d8f7c9b4f   3         3         2       3m    nginx        nginx:1.25   app=web,pod-template-hash=5d8f7c9b4f',
        'web-7c79c4bf97   0         0         0       36m   nginx        nginx:1.24   app=web,pod-template-hash=7c79c4bf97',
      ),
    );
  });

  it('prints StatefulSets, DaemonSets and ControllerRevisions', () => {
    const c = cluster();
    expect(c.run('get sts').stdout).toBe(lines('NAME   READY   AGE', 'db     1/3     3m'));
    expect(c.run('get sts -o wide').stdout).toBe(
      lines('NAME   READY   AGE   CONTAINERS   IMAGES', 'db     1/3     3m    mysql        mysql:8.0'),
    );
    expect(c.run('get ds -o wide').stdout).toBe(
      lines(
        'NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES          SELECTOR',
        'fluentd   2         2         2       2            2           kubernetes.io/os=linux   3m    fluentd      fluentd:v1.16   app=fluentd',
      ),
    );
    expect(c.run('get controllerrevisions').stdout).toBe(
      lines(
        'NAME                 CONTROLLER               REVISION   AGE',
        'fluentd-6d4cf56db6   daemonset.apps/fluentd   1          3m',
      ),
    );
  });

  it('prints Jobs and CronJobs with status, completions, duration and schedule', () => {
    const c = cluster();
    expect(c.run('get jobs -o wide').stdout).toBe(
      lines(
        'NAME   STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES      SELECTOR',
        'pi     Complete   1/1           42s        3m    pi           perl:5.34   batch.kubernetes.io/controller-uid=job-pi',
        'work   Running    0/1 of 2      80s        3m    work         busybox     batch.kubernetes.io/controller-uid=job-work',
      ),
    );
    expect(c.run('get cj -o wide').stdout).toBe(
      lines(
        'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES         SELECTOR',
        'hello   */1 * * * *   <none>     False     1        60s             3m    hello        busybox:1.28   <none>',
      ),
    );
  });
});

describe('kubectl get services and config', () => {
  it('prints Services, Endpoints and EndpointSlices', () => {
    const c = cluster();
    expect(c.run('get svc -o wide').stdout).toBe(
      lines(
        'NAME   TYPE           CLUSTER-IP    EXTERNAL-IP   PORT(S)                      AGE   SELECTOR',
        'db     ClusterIP      None          <none>        3306/TCP                     3m    app=db',
        'lb     LoadBalancer   10.96.0.50    <pending>     80:31000/TCP,443:31001/TCP   3m    app=web',
        'web    NodePort       10.96.12.34   <none>        80:30080/TCP                 3m    app=web',
      ),
    );
    expect(c.run('get ep').stdout).toBe(
      lines(
        'NAME   ENDPOINTS                                               AGE',
        'db                                                             3m',
        'web    10.244.1.5:80,10.244.1.6:80,10.244.2.7:80 + 1 more...   3m',
      ),
    );
    expect(c.run('get endpointslices').stdout).toBe(
      lines(
        'NAME        ADDRESSTYPE   PORTS   ENDPOINTS               AGE',
        'web-abc12   IPv4          80      10.244.1.5,10.244.2.9   3m',
      ),
    );
  });

  it('prints ConfigMaps, Secrets, ServiceAccounts, claims, volumes and autoscalers', () => {
    const c = cluster();
    expect(c.run('get cm,secret,sa').stdout).toBe(
      lines(
        'NAME                   DATA   AGE',
        'configmap/app-config   3      3m',
        '',
        'NAME             TYPE     DATA   AGE',
        'secret/db-pass   Opaque   2      3m',
        '',
        'NAME                     SECRETS   AGE',
        'serviceaccount/default   0         3m',
      ),
    );
    expect(c.run('get pvc,pv -o wide').stdout).toBe(
      lines(
        'NAME                            STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE',
        'persistentvolumeclaim/data      Bound     pv0001   5Gi        RWO            manual         <unset>                 3m    Filesystem',
        'persistentvolumeclaim/pending   Pending                                      fast           <unset>                 3m    Filesystem',
        '',
        'NAME                      CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM          STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE   VOLUMEMODE',
        'persistentvolume/pv0001   5Gi        RWO            Retain           Bound    default/data   manual         <unset>                          3m    Filesystem',
      ),
    );
    expect(c.run('get hpa').stdout).toBe(
      lines(
        'NAME   REFERENCE        TARGETS        MINPODS   MAXPODS   REPLICAS   AGE',
        'web    Deployment/web   cpu: 22%/50%   1         10        3          3m',
      ),
    );
  });
});

describe('kubectl get all and kinds', () => {
  it('lists the `all` category with kind prefixes and a blank line between kinds', () => {
    const c = withDeployment();
    expect(c.run('get all').stdout).toBe(
      lines(
        'NAME                READY   STATUS    RESTARTS      AGE',
        'pod/liveness-exec   0/1     Running   2 (39s ago)   3m',
        'pod/web             1/1     Running   0             3m',
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           3m',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-5d8f7c9b4f   3         3         2       3m',
        'replicaset.apps/web-7c79c4bf97   0         0         0       36m',
      ),
    );
  });

  it('prefixes names when several types are asked for, even if one kind is found', () => {
    const c = withDeployment();
    expect(c.run('get deploy,rs').stdout).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           3m',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-5d8f7c9b4f   3         3         2       3m',
        'replicaset.apps/web-7c79c4bf97   0         0         0       36m',
      ),
    );
    expect(c.run('get deploy/web rs/web-5d8f7c9b4f').stdout).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           3m',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-5d8f7c9b4f   3         3         2       3m',
      ),
    );
    expect(c.run('get deploy web --show-kind').stdout).toBe(
      lines(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           3m',
      ),
    );
    expect(createSeededCluster().run('get all').stdout).toBe(
      lines(
        'NAME                READY   STATUS    RESTARTS      AGE',
        'pod/liveness-exec   0/1     Running   2 (39s ago)   3m',
        'pod/web             1/1     Running   0             3m',
      ),
    );
    expect(createSeededCluster().run('get pods,svc').stdout).toBe(
      lines(
        'NAME                READY   STATUS    RESTARTS      AGE',
        'pod/liveness-exec   0/1     Running   2 (39s ago)   3m',
        'pod/web             1/1     Running   0             3m',
      ),
    );
  });
});

function job(spec: Record<string, unknown>, status: Record<string, unknown>, deleting = false): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: 'j',
      creationTimestamp: '2025-01-01T00:00:00Z',
      ...(deleting ? { deletionTimestamp: '2025-01-01T00:59:00Z' } : {}),
    },
    spec: { template: { spec: { containers: [] } }, ...spec },
    status,
  };
}

describe('printer cells', () => {
  it('derives a Job STATUS from conditions, deletion and suspension', () => {
    const status = (j: KubeObject) => jobPrinter.row(j, NOW)[1];
    const condition = (type: string, value = 'True') => ({ conditions: [{ type, status: value }] });
    expect(status(job({}, condition('Complete')))).toBe('Complete');
    expect(status(job({}, condition('Failed')))).toBe('Failed');
    expect(status(job({}, condition('Complete', 'False'), true))).toBe('Terminating');
    expect(status(job({}, condition('Suspended')))).toBe('Suspended');
    expect(status(job({}, condition('FailureTarget')))).toBe('FailureTarget');
    expect(status(job({}, {}))).toBe('Running');
    // Completions: succeeded/completions, else 0/1 (of parallelism); duration blank before the start.
    expect(jobPrinter.row(job({ completions: 5 }, { succeeded: 2 }), NOW).slice(2, 4)).toEqual(['2/5', '']);
    expect(jobPrinter.row(job({ parallelism: 1 }, { startTime: '2025-01-01T00:58:00Z' }), NOW).slice(2, 4)).toEqual([
      '0/1',
      '2m',
    ]);
  });

  it('cuts a load balancer address list to 16 characters unless wide', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'lb', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.9'], ports: [{ port: 80, protocol: 'TCP' }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }, { hostname: 'lb.example.com' }] } },
    };
    expect(servicePrinter.row(service, NOW)[3]).toBe('203.0.113.10,...');
    expect(servicePrinter.row(service, NOW, true)[3]).toBe('203.0.113.10,lb.example.com');
    const external = {
      ...service,
      spec: { ...(service.spec as object), type: 'ExternalName', externalName: 'db.example.com' },
    };
    expect(servicePrinter.row(external, NOW)[3]).toBe('db.example.com');
  });

  it('lists endpoint addresses per port, bare IPs without ports, <none> without subsets', () => {
    const endpoints = (subsets: unknown[] | undefined): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'e', creationTimestamp: '2025-01-01T00:00:00Z' },
      ...(subsets ? { subsets } : {}),
    });
    const cell = (subsets?: unknown[]) => endpointsPrinter.row(endpoints(subsets), NOW)[1];
    expect(cell()).toBe('<none>');
    expect(cell([{ addresses: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }] }])).toBe('10.0.0.1,fd00::1');
    expect(cell([{ addresses: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }], ports: [{ port: 80 }, { port: 443 }] }])).toBe(
      '10.0.0.1:80,[fd00::1]:80,10.0.0.1:443 + 1 more...',
    );
  });

  it('formats autoscaler targets of every metric kind', () => {
    expect(formatHpaMetrics([], [])).toBe('<none>');
    expect(
      formatHpaMetrics(
        [
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } },
        ],
        [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '200Mi' } } }],
      ),
    ).toBe('memory: 200Mi/512Mi, <unknown>/10 + 1 more...');
    expect(
      formatHpaMetrics(
        [
          {
            type: 'External',
            external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } },
          },
        ],
        [],
      ),
    ).toBe('<unknown>/30 (avg)');
  });
});
