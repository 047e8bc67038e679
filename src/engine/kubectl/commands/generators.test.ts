import { describe, expect, it } from 'vitest';
import { createSeededCluster } from '../testing/fixtures';
import { deployment, seedAllKinds } from '../testing/workloadFixtures';

const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');

function cluster() {
  const c = createSeededCluster();
  seedAllKinds(c.api);
  c.api.seed(deployment('web'));
  return c;
}

describe('kubectl create job and cronjob', () => {
  it('generates a Job and a CronJob as kubectl’s generators do', () => {
    const c = cluster();
    expect(c.run('create job calc --image=perl:5.34 --dry-run=client -o yaml -- perl -e print').stdout).toBe(
      lines(
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: calc',
        'spec:',
        '  template:',
        '    metadata: {}',
        '    spec:',
        '      containers:',
        '      - command:',
        '        - perl',
        '        - -e',
        '        - print',
        '        image: perl:5.34',
        '        name: calc',
        '        resources: {}',
        '      restartPolicy: Never',
        'status: {}',
      ),
    );
    expect(
      c.run(`create cronjob tick --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml -- date`).stdout,
    ).toBe(
      lines(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: tick',
        'spec:',
        '  jobTemplate:',
        '    metadata:',
        '      name: tick',
        '    spec:',
        '      template:',
        '        metadata: {}',
        '        spec:',
        '          containers:',
        '          - command:',
        '            - date',
        '            image: busybox',
        '            name: tick',
        '            resources: {}',
        '          restartPolicy: OnFailure',
        "  schedule: '*/1 * * * *'",
        'status: {}',
      ),
    );
    expect(c.run('create job calc --image=perl:5.34').stdout).toBe('job.batch/calc created\n');
    expect(c.run('create cj tick --image=busybox --schedule=@hourly --restart=Never').stdout).toBe(
      'cronjob.batch/tick created\n',
    );
  });

  it('instantiates a Job from a CronJob, owned by it and marked manual', () => {
    const c = cluster();
    expect(c.run('create job manual --from=cronjob/hello').stdout).toBe('job.batch/manual created\n');
    const job = c.api.objects['jobs.batch/default/manual'];
    expect(job?.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job?.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-hello', controller: true },
    ]);
    expect(c.run('create job again --from=deploy/web').stderr).toBe('error: unknown object type *v1.Deployment\n');
    expect(c.run('create job again --from=cronjob/nope').stderr).toBe(
      'Error from server (NotFound): cronjobs.batch "nope" not found\n',
    );
  });

  it('checks its flags and wraps server errors as the generators do', () => {
    const c = cluster();
    expect(c.run('create job x').stderr).toBe('error: either --image or --from must be specified\n');
    expect(c.run('create job x --image=a --from=cronjob/hello').stderr).toBe(
      'error: either --image or --from must be specified\n',
    );
    expect(c.run('create job x --from=cronjob/hello -- echo').stderr).toBe(
      'error: cannot specify --from and command\n',
    );
    expect(c.run('create job a b --image=x').stderr).toBe(
      "error: exactly one NAME is required, got 2\nSee 'kubectl create job -h' for help and examples\n",
    );
    expect(c.run('create cronjob c').stderr).toBe('error: required flag(s) "image", "schedule" not set\n');
    expect(c.run('create job pi --image=perl').stderr).toBe(
      'error: failed to create job: jobs.batch "pi" already exists\n',
    );
    expect(c.run('create cronjob hello --image=busybox --schedule=@daily').stderr).toBe(
      'error: failed to create cronjob: cronjobs.batch "hello" already exists\n',
    );
    expect(c.run('create deployment web --image=nginx').stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });
});

describe('kubectl expose', () => {
  it('infers selector, ports and protocol from the exposed object', () => {
    const c = cluster();
    expect(c.run('expose deploy web --dry-run=client -o yaml').stdout).toBe(
      lines(
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  ports:',
        '  - port: 80',
        '    protocol: TCP',
        '    targetPort: 80',
        '  selector:',
        '    app: web',
        'status:',
        '  loadBalancer: {}',
      ),
    );
    expect(c.run('expose pod web --port=8080 --target-port=http --name=web-svc --type=NodePort').stdout).toBe(
      'service/web-svc exposed\n',
    );
    expect(c.api.objects['services/default/web-svc']?.spec).toEqual({
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 'http' }],
      selector: { app: 'web' },
      type: 'NodePort',
    });
    expect(c.run('expose svc lb --name=lb2').stdout).toBe('service/lb2 exposed\n');
    // Several ports are named port-1, port-2; each targets its own number.
    expect(c.api.objects['services/default/lb2']?.spec).toEqual({
      ports: [
        { name: 'port-1', port: 80, protocol: 'TCP', targetPort: 80 },
        { name: 'port-2', port: 443, protocol: 'TCP', targetPort: 443 },
      ],
      selector: { app: 'web' },
    });
  });

  it('names what it cannot expose', () => {
    const c = cluster();
    expect(c.run('expose sts db').stderr).toBe('error: cannot expose a StatefulSet.apps\n');
    expect(c.run('expose pod liveness-exec').stderr).toBe(
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n",
    );
    expect(c.run('expose svc web').stderr).toBe('Error from server (AlreadyExists): services "web" already exists\n');
    expect(c.run('expose deploy nope --port=80').stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
  });
});

describe('kubectl autoscale', () => {
  it('creates an autoscaling/v2 HorizontalPodAutoscaler for a scalable object', () => {
    const c = cluster();
    expect(c.run('autoscale deploy web --max=5 --min=2 --cpu-percent=60 --dry-run=client -o yaml').stdout).toBe(
      lines(
        'apiVersion: autoscaling/v2',
        'kind: HorizontalPodAutoscaler',
        'metadata:',
        '  name: web',
        'spec:',
        '  maxReplicas: 5',
        '  metrics:',
        '  - resource:',
        '      name: cpu',
        '      target:',
        '        averageUtilization: 60',
        '        type: Utilization',
        '    type: Resource',
        '  minReplicas: 2',
        '  scaleTargetRef:',
        '    apiVersion: apps/v1',
        '    kind: Deployment',
        '    name: web',
        'status:',
        '  desiredReplicas: 0',
      ),
    );
    expect(c.run('autoscale sts db --max=4 --name=db-hpa').stdout).toBe(
      'horizontalpodautoscaler.autoscaling/db-hpa autoscaled\n',
    );
    expect(c.run('autoscale deploy web --max=3 --dry-run=client').stdout).toBe(
      'horizontalpodautoscaler.autoscaling/web created (dry run)\n',
    );
  });

  it('checks the bounds and the kind', () => {
    const c = cluster();
    expect(c.run('autoscale deploy web').stderr).toBe('error: required flag(s) "max" not set\n');
    expect(c.run('autoscale deploy web --max=0').stderr).toBe(
      'error: --max=MAXPODS is required and must be at least 1, max: 0\n',
    );
    expect(c.run('autoscale deploy web --max=2 --min=3').stderr).toBe(
      'error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n',
    );
    expect(c.run('autoscale pod web --max=3').stderr).toBe(
      'error: cannot autoscale a Pod: could not find scale subresource for /v1, Resource=pods in discovery information\n',
    );
  });
});
