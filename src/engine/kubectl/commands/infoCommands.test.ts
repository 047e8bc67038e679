import { describe, expect, it } from 'vitest';
import { createSeededCluster as cluster } from '../testing/fixtures';

describe('kubectl explain', () => {
  it('lays a field out as kubectl 1.34’s plaintext template does: FIELD, ENUM, two blank lines, DESCRIPTION', () => {
    expect(cluster().run('explain pod.spec.restartPolicy').stdout).toBe(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: restartPolicy <string>',
        'ENUM:',
        '    Always',
        '    Never',
        '    OnFailure',
        '',
        'DESCRIPTION:',
        '    Restart policy for all containers within the pod. One of Always, OnFailure,',
        '    Never. In some contexts, only a subset of those values may be permitted.',
        '    Default to Always. More info:',
        '    https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
        '    ',
        '    Possible enum values:',
        '     - `"Always"`',
        '     - `"Never"`',
        '     - `"OnFailure"`',
        '    ',
        '',
        '',
      ].join('\n'),
    );
  });

  it('names the group of a grouped kind and lists FIELDS with a blank line after each', () => {
    const text = cluster().run('explain deployments.spec.strategy').stdout;
    expect(
      text.startsWith(
        'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n\n\nDESCRIPTION:\n',
      ),
    ).toBe(true);
    expect(text).toContain('\nFIELDS:\n  rollingUpdate\t<RollingUpdateDeployment>\n    Rolling update config params.');
    expect(text).toContain('\n  type\t<string>\n  enum: Recreate, RollingUpdate\n');
  });

  it('prints nested field names only with --recursive, and reports unknown fields', () => {
    const c = cluster();
    expect(c.run('explain pod.spec.containers.resources --recursive').stdout).toContain(
      '\nFIELDS:\n  claims\t<[]ResourceClaim>\n    name\t<string> -required-\n    request\t<string>\n  limits\t<map[string]Quantity>\n  requests\t<map[string]Quantity>\n\n',
    );
    expect(c.run('explain pods.spec.nope').stderr).toBe('error: field "nope" does not exist\n');
    expect(c.run('explain').stderr).toBe(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
    expect(c.run('explain pods nodes').stderr).toBe('error: We accept only this format: explain RESOURCE\n');
  });
});

describe('kubectl api-resources', () => {
  it('sorts by group then name in byte order, or by --sort-by', () => {
    const c = cluster();
    const names = c.run('api-resources --no-headers -o name').stdout.split('\n');
    expect(names.slice(0, 3)).toEqual(['bindings', 'componentstatuses', 'configmaps']);
    expect(names.indexOf('deployments.apps')).toBeLessThan(names.indexOf('jobs.batch'));
    const byKind = c.run('api-resources --sort-by=kind --api-group=apps -o name').stdout;
    expect(byKind).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    );
    expect(c.run('api-resources --verbs=create --namespaced=false -o name').stdout).toContain('namespaces\nnodes\n');
    expect(c.run('api-resources -o json').stderr).toBe('error: --output json is not available\n');
  });
});
