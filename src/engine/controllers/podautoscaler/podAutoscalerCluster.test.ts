import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session';
import { TestCluster } from '../../testing/testCluster';
import { HORIZONTAL_POD_AUTOSCALERS, type HorizontalPodAutoscaler } from './hpaTypes';

const CPU_METRIC = 'cpu resource utilization (percentage of request)';

function webApp(cpuRequest?: string): string {
  const resources = cpuRequest ? `\n        resources:\n          requests:\n            cpu: ${cpuRequest}` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
        ports:
        - containerPort: 80${resources}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;
}

function hpaOf(test: TestCluster, name = 'web-hpa'): HorizontalPodAutoscaler {
  return test.cluster.api.find(HORIZONTAL_POD_AUTOSCALERS, 'default', name) as HorizontalPodAutoscaler;
}

const replicas = (test: TestCluster) => hpaOf(test).status?.currentReplicas ?? 0;

describe('HPA in a cluster (S003-hpa, S000-hpa)', () => {
  it('scales up under kubeplay load towards max, and back down 5 minutes after the load stops', () => {
    const test = new TestCluster();
    test.apply(webApp('10m'));
    expect(test.kubectl('autoscale deployment web --cpu-percent=50 --min=1 --max=5 --name=web-hpa').stdout).toBe(
      'horizontalpodautoscaler.autoscaling/web-hpa autoscaled\n',
    );
    test.advance(60);
    expect(test.kubectl('get hpa').stdout).toBe(
      'NAME      REFERENCE        TARGETS       MINPODS   MAXPODS   REPLICAS   AGE\n' +
        'web-hpa   Deployment/web   cpu: 0%/50%   1         5         1          60s\n',
    );

    // 1000 requests/s at 0.1 ms of nginx CPU each: 100m, 1000% of the request.
    expect(test.session.action(['load', 'service/web', '1000'])).toEqual({
      stdout: 'load on service/web: 1000 requests/s from outside the cluster, spread over 1 ready endpoint\n',
      stderr: '',
      exitCode: 0,
    });
    test.waitFor(() => replicas(test) === 5, 120);
    test.advance(120);
    // Five pods share the load: 20m each, 200% of their request, still above target but capped at max.
    expect(test.kubectl('get hpa web-hpa --no-headers').stdout).toMatch(/cpu: 200%\/50% +1 +5 +5 /);
    expect(hpaOf(test).status?.conditions?.find((c) => c.type === 'ScalingLimited')).toMatchObject({
      status: 'True',
      reason: 'TooManyReplicas',
    });

    expect(test.session.action(['load', 'svc/web', '0']).stdout).toBe('load on service/web stopped\n');
    test.advance(290);
    // The recommendations of the last 5 minutes still include the loaded ones.
    expect(replicas(test)).toBe(5);
    expect(hpaOf(test).status?.conditions?.[0]).toMatchObject({ reason: 'ScaleDownStabilized' });
    test.waitFor(() => replicas(test) === 1, 60);
    expect(test.events('web-hpa')).toEqual([
      expect.stringMatching(/^FailedGetResourceMetric: /),
      expect.stringMatching(/^FailedComputeMetricsReplicas: /),
      `SuccessfulRescale: New size: 4; reason: ${CPU_METRIC} above target`,
      `SuccessfulRescale: New size: 5; reason: ${CPU_METRIC} above target`,
      'SuccessfulRescale: New size: 1; reason: All metrics below target',
    ]);
    expect(test.cluster.decisions.about('HorizontalPodAutoscaler', 'default', 'web-hpa').map((d) => d.text)).toContain(
      'cpu 1000% of request (target 50%): 1 → 20 (ceil(1 × 20)), limited to 4 by the scale-up limit max(2 × 1, 4) = 4: ' +
        'scaled Deployment/web from 1 to 4',
    );
  });

  it('reports the missing cpu request as a condition and events', () => {
    const test = new TestCluster();
    test.apply(webApp());
    test.kubectl('autoscale deployment web --cpu-percent=50 --max=3 --name=web-hpa');
    test.advance(60);
    const pod = test.pods()[0]!.metadata.name;
    const missing = `missing request for cpu in container nginx of Pod ${pod}`;
    expect(test.kubectl('describe hpa web-hpa').stdout).toContain(
      'Conditions:\n' +
        '  Type           Status  Reason                   Message\n' +
        '  ----           ------  ------                   -------\n' +
        "  AbleToScale    True    SucceededGetScale        the HPA controller was able to get the target's current scale\n" +
        `  ScalingActive  False   FailedGetResourceMetric  the HPA was unable to compute the replica count: failed to get cpu utilization: ${missing}\n`,
    );
    expect(test.events('web-hpa').slice(-2)).toEqual([
      `FailedGetResourceMetric: failed to get cpu utilization: ${missing}`,
      `FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: ${missing}`,
    ]);
    expect(test.kubectl('get hpa web-hpa --no-headers').stdout).toMatch(/cpu: <unknown>\/50%/);
  });

  it('runs an autoscaling/v1 HPA on a ReplicaSet and shows it in both versions', () => {
    const test = new TestCluster();
    test.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: registry.k8s.io/hpa-example
        resources:
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
spec:
  selector:
    tier: frontend
  ports:
  - port: 80
---
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata:
  name: frontend-scaler
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ReplicaSet
    name: frontend
  minReplicas: 3
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
`);
    test.advance(60);
    // 120 requests/s at 5 ms each: 600m over 3 pods, 100% of their request; over 6 pods, 50%.
    test.session.action(['load', 'service/frontend', '120']);
    test.advance(45);
    const v1 = test.kubectl(
      'get hpa.v1.autoscaling frontend-scaler -o jsonpath={.spec.targetCPUUtilizationPercentage}/{.status.currentCPUUtilizationPercentage}/{.status.desiredReplicas}',
    );
    expect(v1.stdout).toBe('50/50/6');
    // v1 keeps the raw value (and the conditions) in round-trip annotations.
    const annotations = JSON.parse(test.kubectl('get hpa.v1.autoscaling frontend-scaler -o json').stdout).metadata
      .annotations as Record<string, string>;
    expect(annotations['autoscaling.alpha.kubernetes.io/current-metrics']).toBe(
      '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":50,"currentAverageValue":"101m"}}]',
    );
    expect(
      test.kubectl('get hpa frontend-scaler -o jsonpath={.spec.metrics[0].resource.target.averageUtilization}').stdout,
    ).toBe('50');
    expect(test.kubectl('get rs frontend -o jsonpath={.spec.replicas}').stdout).toBe('6');
  });

  it('brings a Deployment up to --min at the first sync (S000-scale)', () => {
    const test = new TestCluster();
    test.apply(
      webApp()
        .replace('replicas: 1', 'replicas: 3')
        .replace(/name: web\n/, 'name: app-deployment\n'),
    );
    expect(test.kubectl('autoscale deployment.v1.apps/app-deployment --min=10 --max=15 --cpu-percent=80').stdout).toBe(
      'horizontalpodautoscaler.autoscaling/app-deployment autoscaled\n',
    );
    test.advance(16);
    expect(test.events('app-deployment').filter((e) => e.startsWith('SuccessfulRescale'))).toEqual([
      'SuccessfulRescale: New size: 10; reason: Current number of replicas below Spec.MinReplicas',
    ]);
    expect(test.kubectl('get deployment app-deployment -o jsonpath={.spec.replicas}').stdout).toBe('10');
  });

  it('continues identically from a snapshot', () => {
    const original = Session.create();
    original.kubectl('apply -f -', webApp('10m'));
    original.kubectl('autoscale deployment web --cpu-percent=50 --max=4');
    original.advance(60_000);
    original.action(['load', 'service/web', '300']);
    original.advance(50_000);
    const copy = Session.restore(original.cluster.snapshot());
    for (const session of [original, copy]) {
      session.action(['load', 'service/web', '0']);
      session.advance(400_000);
    }
    expect(JSON.stringify(copy.cluster.snapshot())).toBe(JSON.stringify(original.cluster.snapshot()));
    expect(copy.kubectl('get hpa web -o jsonpath={.status.currentReplicas}').stdout).toBe('1');
  });
});
