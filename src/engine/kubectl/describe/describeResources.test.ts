import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { createSeededCluster as cluster, webPod } from '../testing/fixtures';

/** The lines of `text` from the one starting with `first` up to (not including) the one starting with `end`. */
function section(text: string, first: string, end: string): string[] {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith(first));
  const to = lines.findIndex((l, i) => i > from && l.startsWith(end));
  return lines.slice(from, to);
}

describe('kubectl describe node resources', () => {
  it('lists huge pages with percentages and extended resources without', () => {
    const c = cluster();
    const node = c.api.objects['nodes//worker1'] as KubeObject;
    const status = node.status as { capacity: Record<string, string>; allocatable: Record<string, string> };
    Object.assign(status.allocatable, { 'hugepages-2Mi': '64Mi', 'example.com/gpu': '2' });
    const pod = webPod('gpu');
    (pod.spec as { containers: { resources: unknown }[] }).containers[0]!.resources = {
      requests: { 'hugepages-2Mi': '16Mi', 'example.com/gpu': '1', memory: '100Mi' },
      limits: { 'hugepages-2Mi': '16Mi', 'example.com/gpu': '1', memory: '100Mi' },
    };
    c.api.seed(pod);
    expect(section(c.run('describe node worker1').stdout, 'Allocated resources:', 'Events:')).toEqual([
      'Allocated resources:',
      '  (Total limits may be over 100 percent, i.e., overcommitted.)',
      '  Resource           Requests    Limits',
      '  --------           --------    ------',
      '  cpu                250m (12%)  500m (25%)',
      '  memory             164Mi (4%)  228Mi (5%)',
      '  ephemeral-storage  0 (0%)      0 (0%)',
      '  hugepages-2Mi      16Mi (25%)  16Mi (25%)',
      '  example.com/gpu    1           1',
    ]);
  });
});

describe('kubectl describe pod environment', () => {
  it('resolves resource and downward-API references as describe does', () => {
    const c = cluster();
    const pod = webPod('env');
    const container = (pod.spec as { containers: Record<string, unknown>[] }).containers[0]!;
    container.resources = { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } };
    container.env = [
      { name: 'CPU_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
      { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'APP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
    ];
    c.api.seed(pod);
    expect(section(c.run('describe pod env').stdout, '    Environment:', '    Mounts:')).toEqual([
      '    Environment:',
      '      CPU_REQUEST:  250 (requests.cpu)',
      '      CPU_LIMIT:    node allocatable (limits.cpu)',
      '      MEM_LIMIT:    128 (limits.memory)',
      "      APP:          web (v1:metadata.labels['app'])",
      '      POD_IP:       10.244.1.5 (v1:status.podIP)',
    ]);
  });
});

describe('kubectl describe pod sections', () => {
  it('prints the seccomp profile, pod-level resources and topology spread constraints where describe.go does', () => {
    const c = cluster();
    const pod = webPod('spread');
    const spec = pod.spec as Record<string, unknown>;
    spec.securityContext = { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } };
    spec.resources = { limits: { cpu: '1' } };
    spec.topologySpreadConstraints = [
      {
        topologyKey: 'zone',
        maxSkew: 1,
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 'web' } },
      },
      { topologyKey: 'kubernetes.io/hostname', maxSkew: 2, whenUnsatisfiable: 'ScheduleAnyway' },
    ];
    c.api.seed(pod);
    const text = c.run('describe pod spread').stdout;
    expect(section(text, 'Status:', 'Containers:')).toEqual([
      // One tabwriter column block: the nested LocalhostProfile widens it.
      'Status:              Running',
      'SeccompProfile:      Localhost',
      '  LocalhostProfile:  profiles/audit.json',
      'IP:                  10.244.1.5',
      'IPs:',
      '  IP:  10.244.1.5',
      'Resources:',
      '  Limits:',
      '    cpu:  1',
    ]);
    expect(section(text, 'Tolerations:', 'Events:')).toEqual([
      'Tolerations:                  <none>',
      'Topology Spread Constraints:  kubernetes.io/hostname:ScheduleAnyway when max skew 2 is exceeded',
      '                              zone:DoNotSchedule when max skew 1 is exceeded for selector app=web',
    ]);
  });
});
