import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/kinds';
import { buildNodeInfos } from './nodeInfo';
import { runFilters } from './filters';
import { failedSchedulingMessage, rejectingPlugins, type Diagnosis } from './fitError';
import { scoreNodes } from './scoring';
import { isWorthRequeuing } from './queueingHints';

function node(
  name: string,
  extra: { labels?: Record<string, string>; spec?: Node['spec']; cpu?: string; pods?: string } = {},
): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...extra.labels } },
    spec: extra.spec ?? {},
    status: { allocatable: { cpu: extra.cpu ?? '4', memory: '8Gi', pods: extra.pods ?? '110' } },
  };
}

const MASTER = node('master1', {
  spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
});

function pod(name: string, spec: Partial<Pod['spec']> = {}, requests?: Record<string, string>, nodeName?: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, labels: { app: 'web' } },
    spec: {
      containers: [{ name: 'app', image: 'nginx', ...(requests ? { resources: { requests } } : {}) }],
      ...(nodeName ? { nodeName } : {}),
      ...spec,
    },
    status: { phase: 'Running' },
  };
}

function diagnose(incoming: Pod, nodes: Node[], pods: Pod[] = []): Diagnosis {
  const diagnosis: Diagnosis = { numAllNodes: nodes.length, nodes: new Map() };
  for (const info of buildNodeInfos(nodes, pods)) {
    const status = runFilters(incoming, info);
    if (status) diagnosis.nodes.set(info.node.metadata.name, status);
  }
  return diagnosis;
}

describe('filters and the FailedScheduling message', () => {
  it('words the message as kube-scheduler 1.34 does: sorted counts, then the preemption verdicts', () => {
    const workers = ['worker1', 'worker2', 'worker3'].map((n) => node(n));
    const busy = workers.map((w, i) => pod(`busy${i}`, {}, { cpu: '3' }, w.metadata.name));
    const incoming = pod('new', {}, { cpu: '2' });
    const diagnosis = diagnose(incoming, [MASTER, ...workers], busy);
    expect(failedSchedulingMessage(incoming, diagnosis)).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    expect(rejectingPlugins(diagnosis)).toEqual(['NodeResourcesFit', 'TaintToleration']);
  });

  it('stops at the first failing filter of a node, in the profile order', () => {
    const cordonedAndTainted = node('n1', {
      spec: { unschedulable: true, taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] },
    });
    const tainted = node('n2', { spec: { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] } });
    const unlabelled = node('n3');
    const incoming = pod('p', { nodeSelector: { disk: 'ssd' } }, { cpu: '100' });
    expect(failedSchedulingMessage(incoming, diagnose(incoming, [cordonedAndTainted, tainted, unlabelled]))).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {k: v}, 1 node(s) were unschedulable. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('reports every resource a node lacks, and a request larger than the node as unresolvable', () => {
    const small = node('n1', { pods: '1' });
    const incoming = pod('p', {}, { cpu: '8', memory: '1Gi' });
    const message = failedSchedulingMessage(
      incoming,
      diagnose(incoming, [small], [pod('x', {}, { memory: '7.5Gi' }, 'n1')]),
    );
    expect(message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods. ' +
        'preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });

  it('lets a cordoned node take a pod tolerating the unschedulable taint, and a tolerated taint through', () => {
    const cordoned = node('n1', { spec: { unschedulable: true } });
    const tolerant = pod('p', {
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    });
    expect(diagnose(tolerant, [cordoned]).nodes.size).toBe(0);
    const all = pod('q', { tolerations: [{ operator: 'Exists' }] });
    expect(diagnose(all, [MASTER]).nodes.size).toBe(0);
    const wrongValue = pod('r', {
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Equal', value: 'x' }],
    });
    expect(diagnose(wrongValue, [MASTER]).nodes.size).toBe(1);
  });

  it('matches required node affinity with In, NotIn, Exists, DoesNotExist, Gt and Lt', () => {
    const nodes = [
      node('a', { labels: { disk: 'ssd', gpus: '2' } }),
      node('b', { labels: { disk: 'hdd', gpus: '8' } }),
      node('c', { labels: {} }),
    ];
    const feasible = (
      operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt',
      key: string,
      values?: string[],
    ) => {
      const incoming = pod('p', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] }],
            },
          },
        },
      });
      const rejected = diagnose(incoming, nodes).nodes;
      return nodes.map((n) => n.metadata.name).filter((n) => !rejected.has(n));
    };
    expect(feasible('In', 'disk', ['ssd', 'nvme'])).toEqual(['a']);
    expect(feasible('NotIn', 'disk', ['ssd'])).toEqual(['b', 'c']);
    expect(feasible('Exists', 'disk')).toEqual(['a', 'b']);
    expect(feasible('DoesNotExist', 'disk')).toEqual(['c']);
    expect(feasible('Gt', 'gpus', ['4'])).toEqual(['b']);
    expect(feasible('Lt', 'gpus', ['4'])).toEqual(['a']);
    expect(feasible('Gt', 'gpus', ['four'])).toEqual([]);
  });

  it('finds host port conflicts by protocol, port and address (0.0.0.0 meaning every address)', () => {
    const n = node('n1');
    const withPort = (
      name: string,
      hostPort: number,
      hostIP?: string,
      protocol?: 'TCP' | 'UDP' | 'SCTP',
      nodeName?: string,
    ) =>
      pod(
        name,
        { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort, hostIP, protocol }] }] },
        undefined,
        nodeName,
      );
    const existing = [withPort('old', 8080, '10.0.0.1', 'TCP', 'n1')];
    const conflicts = (incoming: Pod) => diagnose(incoming, [n], existing).nodes.get('n1')?.reasons;
    expect(conflicts(withPort('a', 8080))).toEqual(["node(s) didn't have free ports for the requested pod ports"]);
    expect(conflicts(withPort('b', 8080, '10.0.0.1'))).toBeDefined();
    expect(conflicts(withPort('c', 8080, '10.0.0.2'))).toBeUndefined();
    expect(conflicts(withPort('d', 8080, undefined, 'UDP'))).toBeUndefined();
    expect(conflicts(withPort('e', 8081))).toBeUndefined();
  });

  it('names nodes left out by a metadata.name affinity as not satisfying NodeAffinity', () => {
    const nodes = [MASTER, node('worker1', { cpu: '1' }), node('worker2')];
    const incoming = pod('ds', {}, { cpu: '2' });
    const diagnosis = diagnose(incoming, [nodes[1]!]);
    diagnosis.numAllNodes = 3;
    diagnosis.absent = {
      plugin: 'NodeAffinity',
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"],
    };
    expect(failedSchedulingMessage(incoming, diagnosis)).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('says a pod with preemptionPolicy Never is not eligible for preemption', () => {
    const incoming = pod('p', { preemptionPolicy: 'Never' }, { cpu: '5' });
    expect(failedSchedulingMessage(incoming, diagnose(incoming, [node('n1')]))).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
  });
});

describe('scoreNodes', () => {
  it('adds TaintToleration ×3, LeastAllocated and BalancedAllocation for a pod with requests', () => {
    const [info] = buildNodeInfos([node('n1')], []);
    // Taints 100×3 + LeastAllocated (75 + 87) / 2 = 81 + Balanced (1 − |0.25 − 0.125| / 2) × 100 = 93.
    expect(scoreNodes(pod('p', {}, { cpu: '1', memory: '1Gi' }), [info!], [info!], undefined)).toEqual([474]);
  });

  it('prefers the emptier node and a node without PreferNoSchedule taints', () => {
    const nodes = [
      node('busy'),
      node('idle'),
      node('soft', { spec: { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] } }),
    ];
    const infos = buildNodeInfos(nodes, [pod('x', {}, { cpu: '2' }, 'busy')]);
    const scores = scoreNodes(pod('p', {}, { cpu: '1' }), infos, infos, undefined);
    expect(scores[1]! > scores[0]!).toBe(true);
    expect(scores[1]! - scores[2]!).toBe(300);
    const tolerating = scoreNodes(
      pod('q', { tolerations: [{ key: 'k', operator: 'Exists' }] }, { cpu: '1' }),
      infos,
      infos,
      undefined,
    );
    expect(tolerating[1]).toBe(tolerating[2]);
  });

  it('adds preferred node affinity ×2, scaled to the best match', () => {
    const nodes = [node('a', { labels: { zone: 'x' } }), node('b', { labels: { zone: 'y' } })];
    const infos = buildNodeInfos(nodes, []);
    const preferring = pod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 80, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['y'] }] } },
            { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
          ],
        },
      },
    });
    const [a, b] = scoreNodes(preferring, infos, infos, undefined);
    // b: 100 × 2; a: 20/100 → 20 × 2.
    expect(b! - a!).toBe(160);
  });

  it('spreads pods of one selector across hosts (system default topology spreading)', () => {
    const nodes = [node('a'), node('b')];
    const infos = buildNodeInfos(nodes, [pod('x', {}, undefined, 'a'), pod('y', {}, undefined, 'a')]);
    const selector = { requirements: [{ key: 'app', operator: '=' as const, values: ['web'] }] };
    const withSpread = scoreNodes(pod('p'), infos, infos, selector);
    const without = scoreNodes(pod('p'), infos, infos, undefined);
    // a: round(2 × ln 4 + 2) = 5, b: 2 → b scores 100, a 100 × (5 + 2 − 5) / 5 = 40; ×2.
    expect(withSpread[0]! - without[0]!).toBe(80);
    expect(withSpread[1]! - without[1]!).toBe(200);
  });
});

describe('queueing hints', () => {
  const taint = { key: 'k', effect: 'NoSchedule' as const };
  it('requeue a pod only for events that may help the plugins that rejected it', () => {
    const p = pod('p', {}, { cpu: '1' });
    const tainted = node('n', { spec: { taints: [taint] } });
    const clean = node('n');
    expect(isWorthRequeuing(p, ['TaintToleration'], { kind: 'NodeUpdate', old: tainted, node: clean })).toBe(true);
    expect(isWorthRequeuing(p, ['TaintToleration'], { kind: 'NodeUpdate', old: clean, node: clean })).toBe(false);
    expect(isWorthRequeuing(p, ['NodeResourcesFit'], { kind: 'NodeUpdate', old: tainted, node: clean })).toBe(false);
    expect(isWorthRequeuing(p, ['NodeResourcesFit'], { kind: 'AssignedPodDelete', pod: pod('x', {}, {}, 'n') })).toBe(
      true,
    );
    expect(isWorthRequeuing(p, ['NodeResourcesFit'], { kind: 'NodeAdd', node: node('big', { cpu: '1' }) })).toBe(true);
    expect(
      isWorthRequeuing(pod('q', {}, { cpu: '2' }), ['NodeResourcesFit'], {
        kind: 'NodeAdd',
        node: node('s', { cpu: '1' }),
      }),
    ).toBe(false);
    const cordoned = node('n', { spec: { unschedulable: true } });
    expect(isWorthRequeuing(p, ['NodeUnschedulable'], { kind: 'NodeUpdate', old: cordoned, node: clean })).toBe(true);
    expect(isWorthRequeuing(p, [], { kind: 'NodeUpdate', old: clean, node: clean })).toBe(true);
  });
});
