import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';

const LIMIT_RANGE = `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
  - type: Container
    default:
      cpu: 500m
      memory: 256Mi
    defaultRequest:
      cpu: 250m
    max:
      memory: 512Mi
    min:
      cpu: 100m
`;

describe('ResourceQuota admission and controller (resourcequota/controller.go, pods.go)', () => {
  it('fills status, refuses undeclared cpu and memory, charges pods and refuses the one over the limit', () => {
    const t = new TestCluster();
    expect(t.kubectl('create quota compute --hard=pods=2,requests.cpu=1,limits.memory=1Gi').stdout).toBe(
      'resourcequota/compute created\n',
    );
    t.advance(1);
    expect(t.kubectl('get quota').stdout).toBe(
      'NAME      AGE   REQUEST                        LIMIT\ncompute   1s    pods: 0/2, requests.cpu: 0/1   limits.memory: 0/1Gi\n',
    );
    expect(t.kubectl('run bare --image=nginx').stderr).toBe(
      'Error from server (Forbidden): pods "bare" is forbidden: failed quota: compute: must specify limits.memory for: bare; requests.cpu for: bare\n',
    );
    const pod = (name: string, cpu: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests: { cpu: ${cpu} }\n      limits: { memory: 256Mi }\n`;
    expect(t.apply(pod('a', '600m')).stdout).toBe('pod/a created\n');
    expect(t.kubectl('apply -f -', pod('b', '500m')).stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "b" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1\n',
    );
    expect(t.apply(pod('b', '400m')).stdout).toBe('pod/b created\n');
    expect(t.kubectl('apply -f -', pod('c', '100m')).stderr).toContain(
      'exceeded quota: compute, requested: pods=1,requests.cpu=100m, used: pods=2,requests.cpu=1, limited: pods=2,requests.cpu=1\n',
    );
    t.kubectl('delete pod a');
    t.advance(5);
    expect(t.kubectl('describe quota compute').stdout).toBe(
      [
        'Name:          compute',
        'Namespace:     default',
        'Resource       Used   Hard',
        '--------       ----   ----',
        'limits.memory  256Mi  1Gi',
        'pods           1      2',
        'requests.cpu   400m   1',
        '',
      ].join('\n'),
    );
  });

  it('turns a Deployment that outgrows its quota into FailedCreate events and a ReplicaFailure condition', () => {
    const t = new TestCluster();
    t.kubectl('create quota pods --hard=pods=2');
    t.advance(1);
    t.kubectl('create deployment web --image=nginx --replicas=3');
    t.advance(5);
    expect(t.kubectl('get deploy web').stdout).toMatch(/^web\s+2\/3\s+2\s+2\s+/m);
    const message = t.kubectl(
      `get deploy web -o jsonpath='{.status.conditions[?(@.type=="ReplicaFailure")].message}'`,
    ).stdout;
    expect(message).toMatch(
      /^pods "web-\w+-\w+" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2$/,
    );
  });
});

describe('LimitRanger admission (limitranger/admission.go)', () => {
  it('defaults what containers leave out, notes it, and refuses amounts outside min and max', () => {
    const t = new TestCluster();
    t.apply(LIMIT_RANGE);
    t.kubectl('run web --image=nginx');
    const pod = t.pod('web')!;
    expect(pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web',
    );
    expect(pod.spec.containers[0]!.resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '250m', memory: '256Mi' },
    });
    const big = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests: { cpu: 50m }\n      limits: { cpu: 50m, memory: 1Gi }\n`;
    expect(t.kubectl('apply -f -', big).stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum memory usage per Container is 512Mi, but limit is 1Gi]\n',
    );
    expect(t.kubectl('describe limitrange defaults').stdout).toContain(
      'Container   cpu       100m  -      250m             500m           -\n',
    );
  });
});
