import { describe, expect, it } from 'vitest';
import { parseClusterShape } from '../cluster/parseClusterShape';
import { defaultShape, workerNode } from '../cluster/shape';
import type { Scenario } from './scenario';
import { formatScenario, parseScenario } from './scenarioFile';

const full: Scenario = {
  title: 'A broken rollout',
  description: { en: 'set image to a tag that does not exist', zh: '把镜像改成不存在的标签' },
  seed: 7,
  cluster: defaultShape(2),
  steps: [
    { at: 0, run: 'kubectl create deployment web --image=nginx:1.27 --replicas=3' },
    { at: 12_345, run: "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nEOF" },
    { at: 12_345, run: 'kubeplay probe fail web-0 liveness' },
  ],
  clock: 40_001,
  end: 95_500,
  editor: 'apiVersion: v1\nkind: ConfigMap\n',
  view: { selected: 'Pod/default/web-0', speed: 5, playing: true },
};

describe('scenario file', () => {
  it('round-trips every field', () => {
    const parsed = parseScenario(formatScenario(full, { header: true }));
    expect(parsed).toEqual({ ok: true, scenario: full });
  });

  it('leaves defaults out: the smallest scenario is four lines', () => {
    const empty: Scenario = { seed: 1, cluster: defaultShape(3), steps: [], clock: 0 };
    expect(formatScenario(empty)).toBe('apiVersion: kubeplay/v1\nkind: Scenario\n');
    expect(parseScenario('apiVersion: kubeplay/v1\nkind: Scenario\n')).toEqual({ ok: true, scenario: empty });
  });

  it('writes times in seconds and heredocs as literal blocks, as a teacher would', () => {
    expect(formatScenario(full)).toBe(
      [
        'apiVersion: kubeplay/v1',
        'kind: Scenario',
        'title: A broken rollout',
        'description:',
        '  en: set image to a tag that does not exist',
        '  zh: 把镜像改成不存在的标签',
        'seed: 7',
        'cluster:',
        '  workers: 2',
        'clock: 40.001',
        'end: 95.5',
        'steps:',
        '- at: 0',
        '  run: kubectl create deployment web --image=nginx:1.27 --replicas=3',
        '- at: 12.345',
        '  run: |-',
        "    kubectl apply -f - <<'EOF'",
        '    apiVersion: v1',
        '    kind: Service',
        '    metadata:',
        '      name: web',
        '    EOF',
        '- at: 12.345',
        '  run: kubeplay probe fail web-0 liveness',
        'editor: |',
        '  apiVersion: v1',
        '  kind: ConfigMap',
        'view:',
        '  selected: Pod/default/web-0',
        '  speed: 5',
        '  playing: true',
        '',
      ].join('\n'),
    );
  });

  it('keeps a hand-made cluster shape, writing only what differs from a node’s defaults', () => {
    const written = parseClusterShape({
      nodes: [...defaultShape(1).nodes, { ...workerNode('gpu1'), cpu: '16', labels: { accelerator: 'gpu' } }],
    });
    if (!written.ok) throw new Error(written.error);
    const shape = written.shape;
    const scenario: Scenario = { seed: 1, cluster: shape, steps: [], clock: 0 };
    const text = formatScenario(scenario);
    expect(text).toContain('  - name: gpu1\n    cpu: "16"\n    labels:\n      accelerator: gpu\n');
    expect(parseScenario(text)).toEqual({ ok: true, scenario });
  });

  it('reports YAML errors with line and column', () => {
    expect(parseScenario('apiVersion: kubeplay/v1\nkind: Scenario\nsteps: [\n')).toMatchObject({
      ok: false,
      problem: 'invalid',
      line: 4,
      column: 1,
    });
  });

  it('names the field that is wrong, and where', () => {
    const text =
      'apiVersion: kubeplay/v1\nkind: Scenario\nsteps:\n- at: 5\n  run: kubectl get pods\n- at: 2\n  run: x\n';
    expect(parseScenario(text)).toEqual({
      ok: false,
      problem: 'invalid',
      error: 'steps[1].at is earlier than the step before it',
      line: 6,
      column: 3,
    });
    expect(parseScenario('apiVersion: kubeplay/v1\nkind: Scenario\nclok: 3\n')).toEqual({
      ok: false,
      problem: 'invalid',
      error: 'unknown field "clok"',
      line: 3,
      column: 1,
    });
    expect(parseScenario('apiVersion: kubeplay/v1\nkind: Scenario\nview:\n  speed: 3\n')).toMatchObject({
      ok: false,
      problem: 'invalid',
      error: 'view.speed must be one of 0.5, 1, 2, 5, 10, 30, 60',
    });
    expect(parseScenario('apiVersion: kubeplay/v1\nkind: Scenario\ncluster:\n  workers: -1\n')).toMatchObject({
      ok: false,
      problem: 'invalid',
      line: 4,
    });
  });

  it('refuses scenarios beyond six hours of cluster time, which would keep the engine busy for minutes', () => {
    expect(parseScenario('apiVersion: kubeplay/v1\nkind: Scenario\nclock: 30000\n')).toMatchObject({
      ok: false,
      problem: 'invalid',
      error: 'clock must be a number of seconds from the start, at most six hours',
    });
    expect(
      parseScenario(
        'apiVersion: kubeplay/v1\nkind: Scenario\nsteps:\n- at: 60\n  run: |-\n    kubectl get pods\n    sleep 6h\n',
      ),
    ).toEqual({
      ok: false,
      problem: 'invalid',
      error: 'steps[0] sleeps beyond six hours from the start',
      line: 5,
      column: 3,
    });
  });

  it('refuses a step whose script cannot be parsed, where it is', () => {
    const text =
      'apiVersion: kubeplay/v1\nkind: Scenario\nsteps:\n- at: 1\n  run: |-\n    cat <<EOF | kubectl apply -f -\n    kind: Pod\n';
    expect(parseScenario(text)).toEqual({
      ok: false,
      problem: 'invalid',
      error: "steps[0].run, line 1: here-document at line 1 delimited by end-of-file (wanted `EOF')",
      line: 5,
      column: 3,
    });
  });

  it('refuses other documents and later format versions, saying which', () => {
    expect(parseScenario('apiVersion: v1\nkind: Pod\n')).toMatchObject({
      ok: false,
      problem: 'invalid',
      error: 'not a Kube Playground scenario: apiVersion must be kubeplay/v1, got "v1"',
    });
    expect(parseScenario('apiVersion: kubeplay/v2\nkind: Scenario\n')).toEqual({
      ok: false,
      problem: 'newer',
      version: 2,
      error: 'this scenario was made by a newer Kube Playground (format 2); this page reads format kubeplay/v1',
      line: 1,
      column: 1,
    });
  });
});
