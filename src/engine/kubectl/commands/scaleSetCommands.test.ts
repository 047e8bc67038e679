import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { createSeededCluster } from '../testing/fixtures';
import { deployment, seedAllKinds } from '../testing/workloadFixtures';

function cluster() {
  const c = createSeededCluster();
  seedAllKinds(c.api);
  c.api.seed(deployment('web'));
  return c;
}

const spec = (c: ReturnType<typeof cluster>, key: string) =>
  (c.api.objects[key] as KubeObject).spec as Record<string, any>;
const container = (c: ReturnType<typeof cluster>) =>
  spec(c, 'deployments.apps/default/web').template.spec.containers[0] as Record<string, unknown>;

describe('kubectl scale', () => {
  it('scales with a merge patch, checks preconditions and records the command', () => {
    const c = cluster();
    expect(c.run('scale deploy web --replicas=5')).toEqual({
      stdout: 'deployment.apps/web scaled\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.api.patches.at(-1)).toEqual({ type: 'merge', patch: { spec: { replicas: 5 } } });
    expect(c.run('scale deploy/web sts/db --replicas=2 --current-replicas=5')).toEqual({
      stdout: 'deployment.apps/web scaled\n',
      stderr: 'error: Expected replicas to be 5, was 3\n',
      exitCode: 1,
    });
    expect(spec(c, 'statefulsets.apps/default/db').replicas).toBe(3);
    const version = c.api.objects['deployments.apps/default/web']?.metadata.resourceVersion;
    expect(c.run('scale deploy web --replicas=1 --resource-version=1').stderr).toBe(
      `error: Expected resource version to be 1, was ${version}\n`,
    );
    c.run('scale deploy web --replicas=4 --record');
    expect(c.api.objects['deployments.apps/default/web']?.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl scale deploy web --replicas=4 --record=true',
    });
    expect(c.run('scale rs --all --replicas=1')).toEqual({
      stdout: '',
      stderr: 'error: no objects passed to scale\n',
      exitCode: 1,
    });
    expect(c.run('scale deploy web --replicas=9 --dry-run=client').stdout).toBe(
      'deployment.apps/web scaled (dry run)\n',
    );
    expect(spec(c, 'deployments.apps/default/web').replicas).toBe(4);
  });

  it('waits for the new size with --timeout', () => {
    const c = cluster();
    c.onTick = () => {
      const d = structuredClone(c.api.objects['deployments.apps/default/web'] as KubeObject);
      d.status = { replicas: 2, observedGeneration: 1 };
      c.api.updateStatus(d);
    };
    expect(c.run('scale deploy web --replicas=2 --timeout=10s').stdout).toBe('deployment.apps/web scaled\n');
    expect(c.run('scale deploy web --replicas=6 --timeout=3s').stderr).toBe(
      'error: timed out waiting for "web" to be synced\n',
    );
  });

  it('reports what cannot be scaled as kubectl 1.34 does', () => {
    const c = cluster();
    expect(c.run('scale deploy web').stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(c.run('scale deploy web --replicas=2 --current-replicas=-2').stderr).toBe(
      'error: The --current-replicas must specify an integer of -1 or greater\n',
    );
    expect(c.run('scale pod web --replicas=2').stderr).toBe(
      'Error from server (NotFound): the server could not find the requested resource\n',
    );
    expect(c.run('scale deploy nope --replicas=2').stderr).toBe(
      'error: no objects passed to scale deployments.apps "nope" not found\n',
    );
    expect(c.run('scale deploy --replicas=2').stderr).toBe(
      'error: resource(s) were provided, but no name was specified\n',
    );
  });
});

describe('kubectl set image and resources', () => {
  it('changes images by container name or *, printing only what changed', () => {
    const c = cluster();
    expect(c.run('set image deployment/web nginx=nginx:1.26')).toEqual({
      stdout: 'deployment.apps/web image updated\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.api.patches.at(-1)).toEqual({
      type: 'strategic',
      patch: {
        spec: {
          template: {
            spec: {
              containers: [{ name: 'nginx', image: 'nginx:1.26' }],
              '$setElementOrder/containers': [{ name: 'nginx' }],
            },
          },
        },
      },
    });
    expect(c.run('set image deploy web nginx=nginx:1.26').stdout).toBe('');
    expect(c.run('set image deploy/web "*=nginx:1.27" --record').stdout).toBe('deployment.apps/web image updated\n');
    expect(container(c).image).toBe('nginx:1.27');
    expect(c.api.objects['deployments.apps/default/web']?.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image deploy/web *=nginx:1.27 --record=true',
    });
    expect(c.run('set image cronjob/hello hello=busybox:1.36 -o name').stdout).toBe('cronjob.batch/hello\n');
  });

  it('names missing containers, kinds without pod templates and missing arguments', () => {
    const c = cluster();
    expect(c.run('set image deploy/web app=nginx')).toEqual({
      stdout: '',
      stderr: 'error: unable to find container named "app"\n',
      exitCode: 1,
    });
    expect(c.run('set image svc/web web=nginx').stderr).toBe(
      'error: services/web the object is not a pod or does not have a pod template: *v1.Service\n',
    );
    expect(c.run('set image deploy/web').stderr).toBe('error: at least one image update is required\n');
    expect(c.run('set image nginx=nginx').stderr).toBe(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    );
  });

  it('merges limits and requests into the selected containers', () => {
    const c = cluster();
    expect(c.run('set resources deploy web --limits=cpu=200m,memory=512Mi --requests=cpu=100m').stdout).toBe(
      'deployment.apps/web resource requirements updated\n',
    );
    expect(container(c).resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m' } });
    c.run('set resources deploy web -c=ngi* --limits=cpu=1');
    expect(container(c).resources).toEqual({ limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '100m' } });
    expect(c.run('set resources deploy web -c=app --limits=cpu=1').stderr).toBe(
      'error: unable to find container named app\n',
    );
    expect(c.run('set resources deploy web').stderr).toBe(
      'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n',
    );
  });
});

describe('kubectl set env', () => {
  it('sets, replaces, removes and lists variables', () => {
    const c = cluster();
    expect(c.run('set env deploy/web GREETING=hello MODE=dark').stdout).toBe('deployment.apps/web env updated\n');
    expect(c.run('set env deploy/web MODE=light EXTRA=1 GREETING-').stdout).toBe('deployment.apps/web env updated\n');
    expect(container(c).env).toEqual([
      { name: 'MODE', value: 'light' },
      { name: 'EXTRA', value: '1' },
    ]);
    expect(c.run('set env deploy/web --from=configmap/app-config --prefix=APP_').stdout).toBe(
      'deployment.apps/web env updated\n',
    );
    expect(c.run('set env deploy/web --list')).toEqual({
      stdout:
        '# Deployment web, container nginx\nMODE=light\nEXTRA=1\n# APP_GAME_PROPERTIES from configmap app-config, key game.properties\n# APP_MODE from configmap app-config, key mode\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('set env deploy/web -e MODE=dark --overwrite=false').stderr).toBe(
      "error: deployments.apps/web 'MODE' already has a value (light), and --overwrite is false\n",
    );
    expect(c.run('set env deploy/web -c=app A=1').stderr).toBe(
      'warning: Deployment/web does not have any containers matching "app"\n',
    );
  });

  it('rejects malformed variables and arguments', () => {
    const c = cluster();
    expect(c.run('set env deploy/web 1X=2').stderr).toBe(
      `error: "1X" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`,
    );
    expect(c.run('set env deploy/web A=1 A-').stderr).toBe(
      'error: can not both modify and remove an environment variable in the same command\n',
    );
    expect(c.run('set env deploy/web A=1 svc/web').stderr).toBe(
      'error: all resources must be specified before environment changes: deploy/web A=1 svc/web\n',
    );
    expect(c.run('set env deploy/web --keys=mode').stderr).toBe(
      'error: when specifying --keys, a configmap or secret must be provided with --from\n',
    );
    expect(c.run('set env deploy/web --from=svc/web').stderr).toBe('error: unsupported resource specified in --from\n');
  });
});
