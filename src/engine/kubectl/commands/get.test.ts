import { describe, expect, it } from 'vitest';
import { createFakeCluster } from '../testing/fakeCluster';
import { at, createSeededCluster as cluster, webPod } from '../testing/fixtures';

describe('kubectl get selection', () => {
  it('selects with every label selector form', () => {
    const c = createFakeCluster();
    c.api.seed(webPod('a', { app: 'web', env: 'prod' }));
    c.api.seed(webPod('b', { app: 'web' }));
    c.api.seed(webPod('c', { app: 'db', env: 'dev' }));
    const names = (selector: string) => c.run(`get pods -l '${selector}' -o name`).stdout;
    expect(names('app==web')).toBe('pod/a\npod/b\n');
    expect(names('app=web,env')).toBe('pod/a\n');
    expect(names('env')).toBe('pod/a\npod/c\n');
    expect(names('!env')).toBe('pod/b\n');
    expect(names('env notin (prod)')).toBe('pod/b\npod/c\n');
    // cli-runtime's EnhanceListError names the resource and both selectors.
    expect(c.run('get pods -l "app in web"').stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in web", field selector "": unable to parse requirement: found \'web\' expected: \'(\'\n',
    );
  });

  it('selects by fields, across namespaces with the NAMESPACE column', () => {
    const c = cluster();
    c.api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, status: { phase: 'Active' } });
    c.api.seed({ ...webPod('api'), metadata: { ...webPod('api').metadata, namespace: 'dev' } });
    expect(c.run('get pods --field-selector metadata.name=web -o name').stdout).toBe('pod/web\n');
    expect(c.run('get pods --field-selector status.phase!=Running').stderr).toBe(
      'No resources found in default namespace.\n',
    );
    expect(c.run('get pods -A --field-selector metadata.name=api').stdout).toBe(
      'NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\ndev         api    1/1     Running   0          3m\n',
    );
    expect(c.run('get pods -A -l app=none')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
    expect(c.run('get pods -n dev -o name').stdout).toBe('pod/api\n');
    expect(c.run('get nodes,pods -A -o name').stdout).toBe(
      // The API lists all namespaces in key order: namespace, then name.
      'node/master\nnode/worker1\npod/liveness-exec\npod/web\npod/api\n',
    );
  });

  it('resolves short names and plurals, and names unknown types', () => {
    const c = cluster();
    for (const typed of ['po', 'pod', 'pods', 'Pod', 'pods.v1']) {
      expect(c.run(`get ${typed} web -o name`).stdout).toBe('pod/web\n');
    }
    expect(c.run('get no,ns -o name').stdout).toBe('node/master\nnode/worker1\nnamespace/default\n');
    expect(c.run('get foo')).toEqual({
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "foo"\n',
      exitCode: 1,
    });
  });
});

describe('kubectl get output formats', () => {
  it('runs full JSONPath: filters, ranges, recursive descent and unions', () => {
    const c = cluster();
    expect(
      c.run(
        `get pods -o jsonpath='{range .items[?(@.status.phase=="Running")]}{.metadata.name}:{.spec.nodeName}{"\\n"}{end}'`,
      ).stdout,
    ).toBe('liveness-exec:worker1\nweb:worker1\n');
    expect(c.run(`get pods -o jsonpath='{.items[?(@.metadata.labels.app=="web")].status.podIP}'`).stdout).toBe(
      '10.244.1.5',
    );
    expect(c.run(`get pod web -o jsonpath='{..image}'`).stdout).toBe('nginx:1.25 docker.io/library/nginx:1.25');
    expect(
      c.run(`get pod web -o jsonpath='{.metadata.name}{","}{.spec.containers[*].ports[*].containerPort}'`).stdout,
    ).toBe('web,80');
    expect(c.run(`get pods -o jsonpath='{.items[-1:].metadata.name}'`).stdout).toBe('web');
    expect(c.run(`get pods -o jsonpath='{.items[0].metadata.name'`).stderr).toBe(
      'error: error parsing jsonpath {.items[0].metadata.name, unclosed action\n',
    );
  });

  it('sorts by --sort-by and prints custom columns without headers', () => {
    const c = createFakeCluster();
    c.api.seed(webPod('old', { app: 'web' }, 100));
    c.api.seed(webPod('new', { app: 'web' }, 200));
    c.api.clock = Date.parse(at(300));
    expect(c.run('get pods --sort-by=.metadata.creationTimestamp -o name').stdout).toBe('pod/old\npod/new\n');
    expect(c.run('get pods --sort-by={.metadata.name}').stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nnew    1/1     Running   0          100s\nold    1/1     Running   0          3m20s\n',
    );
    expect(c.run('get pods -o custom-columns=N:.metadata.name,NODE:.spec.nodeName --no-headers').stdout).toBe(
      'new   worker1\nold   worker1\n',
    );
    expect(c.run('get pods --sort-by=.spec.nothing').stderr).toBe(
      'error: couldn\'t find any field with path "{.spec.nothing}" in the list of objects\n',
    );
  });

  it('rejects unknown output formats before asking the server', () => {
    expect(cluster().run('get pods -o table').stderr).toBe(
      'error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});
