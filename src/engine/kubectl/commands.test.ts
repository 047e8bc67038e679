import { describe, expect, it } from 'vitest';
import { explain } from '../api/explain';
import type { FakeCluster } from './testing/fakeCluster';
import { createSeededCluster as cluster, webPod } from './testing/fixtures';

describe('kubectl run', () => {
  it('prints the Pod it would create with --dry-run=client -o yaml', () => {
    expect(cluster().run('run nginx --image=nginx --dry-run=client -o yaml').stdout).toBe(
      // v1.33+ (kubernetes#130989) no longer prints `creationTimestamp: null`.
      'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    run: nginx\n  name: nginx\n' +
        'spec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
  });

  it('creates the Pod with ports, env, labels, restart policy and arguments', () => {
    const c = cluster();
    expect(
      c.run('run bb --image=busybox --restart=Never --port=8080 --env=A=1 --labels=tier=x -- sleep 3600').stdout,
    ).toBe('pod/bb created\n');
    expect(c.run('get pod bb -o json').stdout).toContain(
      '"spec": {\n        "containers": [\n            {\n                "args": [\n                    "sleep",\n                    "3600"\n                ],\n' +
        '                "env": [\n                    {\n                        "name": "A",\n                        "value": "1"\n                    }\n                ],\n' +
        '                "image": "busybox",\n                "name": "bb",\n                "ports": [\n                    {\n                        "containerPort": 8080\n',
    );
    expect(
      c.run('get pod bb --show-labels -o custom-columns=L:.metadata.labels.tier,R:.spec.restartPolicy').stdout,
    ).toBe('L     R\nx     Never\n');
    // run.go Validate returns a plain error, without the usage pointer.
    expect(c.run('run').stderr).toBe('error: NAME is required for run\n');
    expect(c.run('run x').stderr).toBe('error: --image is required\n');
    expect(c.run('run x --image=y --restart=Sometimes').stderr).toBe('error: invalid restart policy: Sometimes\n');
  });
});

describe('kubectl delete', () => {
  it('deletes by name, waits for the object to go, and reports missing ones', () => {
    const c = cluster();
    expect(c.run('delete pod web nope')).toEqual({
      stdout: 'pod "web" deleted from default namespace\n',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(c.api.deletions.map((d) => d.options)).toEqual([{ propagationPolicy: 'Background' }]);
  });

  it('waits until a terminating object is gone', () => {
    const c = cluster();
    c.api.graceful.push('pods/default/web');
    let ticks = 0;
    c.onTick = () => {
      if (++ticks === 3) delete c.api.objects['pods/default/web'];
    };
    expect(c.run('delete pod/web --grace-period=5 --cascade=foreground').stdout).toBe(
      'pod "web" deleted from default namespace\n',
    );
    expect(ticks).toBe(3);
    expect(c.api.deletions[0]?.options).toEqual({ gracePeriodSeconds: 5, propagationPolicy: 'Foreground' });
  });

  it('force deletes with a warning and selects by label or --all', () => {
    const c = cluster();
    expect(c.run('delete pods -l app=web --force')).toEqual({
      stdout: 'pod "web" force deleted from default namespace\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(c.api.deletions[0]?.options).toEqual({ gracePeriodSeconds: 0, propagationPolicy: 'Background' });
    expect(c.run('delete pods -l app=web').stdout).toBe('No resources found\n');
    expect(c.run('delete pods --all --now -o name').stdout).toBe('pod/liveness-exec\n');
    expect(c.run('delete ns default --dry-run=client').stdout).toBe('namespace "default" deleted (dry run)\n');
    expect(c.run('delete node worker1 --dry-run=server').stdout).toBe('node "worker1" deleted (server dry run)\n');
    expect(c.run('get node worker1 -o name').stdout).toBe('node/worker1\n');
  });

  it('checks its arguments as kubectl does', () => {
    const c = cluster();
    expect(c.run('delete').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(c.run('delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(c.run('delete pod web --force --grace-period=5').stderr).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together\n',
    );
    expect(c.run('delete pod nope --ignore-not-found')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(c.run('delete pod web --cascade=false').stderr).toBe(
      'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
    );
  });
});

describe('kubectl label and annotate', () => {
  it('labels, refuses to overwrite without --overwrite, and removes', () => {
    const c = cluster();
    expect(c.run('label pod web tier=fe').stdout).toBe('pod/web labeled\n');
    expect(c.run('label pod web app=api')).toEqual({
      stdout: '',
      stderr: "error: 'app' already has a value (web), and --overwrite is false\n",
      exitCode: 1,
    });
    expect(c.run('label pod web app=api --overwrite').stdout).toBe('pod/web labeled\n');
    expect(c.run('label pod web app=api --overwrite').stdout).toBe('pod/web not labeled\n');
    // label.go updateDataChangeMsg: a removal without --overwrite reports `unlabeled`.
    expect(c.run('label pod web tier- nope-').stdout).toBe('label "nope" not found.\npod/web unlabeled\n');
    expect(c.run('get pod web --show-labels --no-headers').stdout).toBe('web   1/1   Running   0     3m    app=api\n');
    expect(c.run('label nodes --all disk=ssd').stdout).toBe('node/master labeled\nnode/worker1 labeled\n');
    // label.go Validate returns a plain error, without the usage pointer.
    expect(c.run('label pod web').stderr).toBe('error: at least one label update is required\n');
    expect(c.run('label pod web a=b c').stderr).toBe(
      'error: all resources must be specified before label changes: c\n',
    );
  });

  it('annotates and names the conflicting annotation', () => {
    const c = cluster();
    expect(c.run('annotate pod web note=hi').stdout).toBe('pod/web annotated\n');
    // validateNoAnnotationOverwrites refuses any key already set, even to the same value.
    expect(c.run('annotate pod web note=hi').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
    );
    expect(c.run('annotate pod web note=ho').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n",
    );
    expect(c.run('annotate pod web note-').stdout).toBe('pod/web annotated\n');
    expect(c.api.patches.map((p) => p.patch)).toEqual([
      { metadata: { annotations: { note: 'hi' } } },
      { metadata: { annotations: { note: null } } },
    ]);
  });
});

describe('kubectl cordon, uncordon and taint', () => {
  it('cordons and uncordons once', () => {
    const c = cluster();
    expect(c.run('cordon worker1').stdout).toBe('node/worker1 cordoned\n');
    expect(c.run('cordon worker1').stdout).toBe('node/worker1 already cordoned\n');
    expect(c.run('uncordon worker1').stdout).toBe('node/worker1 uncordoned\n');
    expect(c.run('uncordon worker1').stdout).toBe('node/worker1 already uncordoned\n');
    expect(c.run('cordon nope').stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(c.run('cordon').stderr).toBe(
      "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
    );
  });

  it('taints, refuses duplicates, and untaints by key or key:effect', () => {
    const c = cluster();
    expect(c.run('taint nodes worker1 dedicated=gpu:NoSchedule').stdout).toBe('node/worker1 tainted\n');
    expect(c.run('taint node worker1 dedicated=cpu:NoSchedule').stderr).toBe(
      'error: node worker1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect(c.run('taint node worker1 dedicated=cpu:NoSchedule --overwrite').stdout).toBe('node/worker1 modified\n');
    expect(c.run('taint no worker1 other:NoExecute').stdout).toBe('node/worker1 tainted\n');
    expect(c.run('get node worker1 -o jsonpath={.spec.taints}').stdout).toBe(
      '[{"effect":"NoExecute","key":"other"},{"effect":"NoSchedule","key":"dedicated","value":"cpu"}]',
    );
    expect(c.run('taint nodes worker1 dedicated:NoSchedule-').stdout).toBe('node/worker1 untainted\n');
    expect(c.run('taint nodes worker1 other-').stdout).toBe('node/worker1 untainted\n');
    expect(c.run('taint nodes worker1 other-').stderr).toBe('error: taint "other" not found\n');
    expect(c.run('taint nodes worker1 a=b:Sometimes').stderr).toBe(
      "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    );
    expect(c.run('taint pods web a=b:NoSchedule').stderr).toBe(
      'error: invalid resource type pods, only node types are supported\n',
    );
  });
});

describe('kubectl wait', () => {
  it('waits for a condition, a jsonpath value or deletion', () => {
    const c = cluster();
    expect(c.run('wait --for=condition=Ready pod/web').stdout).toBe('pod/web condition met\n');
    expect(c.run("wait --for=jsonpath='{.status.phase}'=Running pod/web").stdout).toBe('pod/web condition met\n');
    c.onTick = (now) => {
      if (now >= c.api.clock && c.api.objects['pods/default/web']) delete c.api.objects['pods/default/web'];
    };
    expect(c.run('wait --for=delete pod/web --timeout=10s').stdout).toBe('pod/web condition met\n');
    expect(c.run('wait --for=delete pod/web')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('times out with kubectl’s message', () => {
    const c = cluster();
    const start = c.api.clock;
    expect(c.run('wait --for=condition=Ready pod/liveness-exec --timeout=60s')).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/liveness-exec\n',
      exitCode: 1,
    });
    expect(c.api.clock - start).toBe(60_000);
    expect(c.run('wait --for=condition=Ready pods -l app=none').stderr).toBe('error: no matching resources found\n');
    expect(c.run('wait --for=foo pod/web').stderr).toBe('error: unrecognized condition: "foo"\n');
  });
});

describe('kubectl logs and exec', () => {
  function twoContainers(c: FakeCluster): void {
    const pod = webPod('two');
    (pod.spec as { containers: unknown[] }).containers.push({ name: 'debian', image: 'debian' });
    c.api.seed(pod);
    c.logsByContainer['default/two/nginx'] = 'nginx log\n';
    c.logsByContainer['default/two/debian'] = 'debian log\n';
    c.logsByContainer['default/web/nginx'] = 'a\nb\n';
  }

  it('prints a container’s logs, defaulting to the first container', () => {
    const c = cluster();
    twoContainers(c);
    expect(c.run('logs web --tail=1 -p --timestamps')).toEqual({ stdout: 'a\nb\n', stderr: '', exitCode: 0 });
    expect(c.logCalls[0]).toEqual({ container: 'nginx', previous: true, timestamps: true, tail: 1 });
    expect(c.run('logs two')).toEqual({
      stdout: 'nginx log\n',
      stderr: 'Defaulted container "nginx" out of: nginx, debian\n',
      exitCode: 0,
    });
    expect(c.run('logs pod/two -c debian').stdout).toBe('debian log\n');
    expect(c.run('logs two -c nope').stderr).toBe(
      'error: container nope is not valid for pod two out of: nginx, debian\n',
    );
    expect(c.run('logs liveness-exec').stderr).toBe(
      'Error from server (BadRequest): container "liveness" in pod "liveness-exec" is waiting to start: ContainerCreating\n',
    );
    // kubernetes#120111 (v1.29) names the namespace.
    expect(c.run('logs nope').stderr).toBe(
      'error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    );
  });

  it('runs a command in a container and passes on its exit code', () => {
    const c = cluster();
    twoContainers(c);
    c.execHandler = (_ns, _pod, container, argv) =>
      argv[0] === 'ping'
        ? {
            ok: true,
            value: {
              stdout: '',
              stderr:
                'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown\n',
              exitCode: 126,
            },
          }
        : { ok: true, value: { stdout: `${container}: ${argv.join(' ')}\n`, stderr: '', exitCode: 0 } };
    expect(c.run('exec web -- ls /')).toEqual({ stdout: 'nginx: ls /\n', stderr: '', exitCode: 0 });
    expect(c.run('exec -it two -c debian -- sh -c "echo hi"').stdout).toBe('debian: sh -c echo hi\n');
    expect(c.run('exec two -- env').stderr).toBe('Defaulted container "nginx" out of: nginx, debian\n');
    const failed = c.run('exec web -- ping 10.0.0.1');
    expect(failed).toEqual({
      stdout: '',
      stderr:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n',
      exitCode: 126,
      hints: ['The container image has no "ping" program: run a command that the image contains (e.g. `sh`).'],
    });
    // kubernetes#125437 (v1.31) turned the deprecated form into an error.
    expect(c.run('exec web ls')).toEqual({
      stdout: '',
      stderr: 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n',
      exitCode: 1,
      hints: [
        'Since kubectl 1.31 the command to run comes after `--`: write `kubectl exec POD -- COMMAND` (e.g. `kubectl exec -it nginx -- sh`).',
      ],
    });
    expect(c.run('exec web').stderr).toBe('error: you must specify at least one command for the container\n');
    // A named container is checked by the API server.
    expect(c.run('exec web -c nope -- ls').stderr).toBe(
      'Error from server (BadRequest): container nope is not valid for pod web\n',
    );
  });
});

describe('kubectl information commands', () => {
  it('prints versions', () => {
    const c = cluster();
    expect(c.run('version').stdout).toBe(
      'Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n',
    );
    expect(c.run('version --client').stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\n');
    expect(c.run('version --client -o yaml').stdout).toBe(
      'clientVersion:\n  buildDate: "2025-09-09T19:44:50Z"\n  compiler: gc\n  gitCommit: 93248f9ae092f571eb870b7664c534bfc7d00f03\n  gitTreeState: clean\n' +
        '  gitVersion: v1.34.1\n  goVersion: go1.24.6\n  major: "1"\n  minor: "34"\n  platform: linux/amd64\nkustomizeVersion: v5.7.1\n',
    );
    expect(JSON.parse(c.run('version -o json').stdout).serverVersion.gitVersion).toBe('v1.34.1');
  });

  it('lists API resources and versions', () => {
    const c = cluster();
    expect(c.run('api-resources --api-group=apps').stdout).toBe(
      'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND\n' +
        'controllerrevisions                apps/v1      true         ControllerRevision\n' +
        'daemonsets            ds           apps/v1      true         DaemonSet\n' +
        'deployments           deploy       apps/v1      true         Deployment\n' +
        'replicasets           rs           apps/v1      true         ReplicaSet\n' +
        'statefulsets          sts          apps/v1      true         StatefulSet\n',
    );
    expect(c.run('api-resources --namespaced=false -o name').stdout).toBe(
      'componentstatuses\nnamespaces\nnodes\npersistentvolumes\nstorageclasses.storage.k8s.io\n',
    );
    const wide = c.run('api-resources -o wide').stdout.split('\n');
    expect(wide[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND +VERBS +CATEGORIES$/);
    expect(wide.find((l) => l.startsWith('pods '))).toMatch(
      /^pods +po +v1 +true +Pod +create,delete,deletecollection,get,list,patch,update,watch +all$/,
    );
    expect(c.run('api-versions').stdout).toBe(
      'apps/v1\nautoscaling/v2\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nevents.k8s.io/v1\npolicy/v1\nstorage.k8s.io/v1\nv1\n',
    );
  });

  it('explains resources through the explain module', () => {
    const c = cluster();
    const pods = c.api.resolveResource('pods');
    if (!pods) throw new Error('no pods');
    const expected = explain(pods, 'spec.containers', { recursive: false });
    const result = c.run('explain pods.spec.containers');
    expect(result.stdout).toBe(expected.ok ? expected.text : '');
    expect(c.run('explain foo').stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });

  it('prints cluster-info and manages the one context', () => {
    const c = cluster();
    expect(c.run('cluster-info').stdout).toBe(
      "Kubernetes control plane is running at https://192.168.49.2:8443\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
    expect(c.run('config current-context').stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(c.run('config set-context --current --namespace=dev').stdout).toBe(
      'Context "kubernetes-admin@kubernetes" modified.\n',
    );
    expect(c.namespace).toBe('dev');
    expect(c.run("config view --minify -o jsonpath='{..namespace}'").stdout).toBe('dev');
    expect(c.run('config get-contexts').stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev\n',
    );
  });

  it('prints help for a command', () => {
    const result = cluster().run('get --help');
    expect(result.exitCode).toBe(0);
    expect(
      result.stdout.startsWith('Display one or many resources.\n\nUsage:\n  kubectl get [(-o|--output=)json|yaml'),
    ).toBe(true);
  });
});
