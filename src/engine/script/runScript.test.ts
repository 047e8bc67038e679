import { describe, expect, it } from 'vitest';
import { runScript, ScriptSyntaxError } from './runScript';

const DEMO = `kubectl run web --image=nginx:1.27 --labels=app=web
kubectl run tools --image=busybox:1.36 -- sleep 3600
sleep 20
kubectl get pods -o wide
kubectl get events
`;

const GENERATED_POD = `kubectl create -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  generateName: web-
spec:
  containers:
  - name: web
    image: nginx
EOF
`;

describe('runScript', () => {
  it('prints `$ command`, then stdout, then stderr, and goes on after a failing command', () => {
    const run = runScript('kubectl get pod missing\nkubectl get nodes -o name\n');
    expect(run.transcript).toBe(
      '$ kubectl get pod missing\n' +
        'Error from server (NotFound): pods "missing" not found\n' +
        '$ kubectl get nodes -o name\n' +
        'node/master1\nnode/worker1\nnode/worker2\nnode/worker3\n',
    );
    expect(run.steps.map((step) => step.exitCode)).toEqual([1, 0]);
  });

  it('adds learner hints as `# hint:` comment lines after kubectl output', () => {
    const run = runScript(
      'kubectl apply -f - <<EOF\napiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nEOF\n',
    );
    const lines = run.transcript.split('\n');
    expect(lines[0]).toBe('$ kubectl apply -f - <<EOF');
    expect(run.transcript).toContain('no matches for kind "Deployment" in version "extensions/v1beta1"');
    expect(lines.filter((line) => line.startsWith('# hint: '))).toEqual([
      '# hint: Deployment is served by apps/v1 since Kubernetes 1.16: change apiVersion to apps/v1 (it also requires spec.selector, matching spec.template.metadata.labels).',
    ]);
  });

  it('records when each command ran in virtual time', () => {
    const run = runScript('kubectl get pods\nsleep 90\nkubectl get pods\n');
    // Each kubectl command takes 100 ms of virtual time before it reads the cluster.
    expect(run.steps.map((step) => step.time)).toEqual([0, 100, 90_100]);
  });

  it('is deterministic: the same script and seed give the same transcript, byte for byte', () => {
    const first = runScript(DEMO, { seed: 7 });
    const second = runScript(DEMO, { seed: 7 });
    expect(second.transcript).toBe(first.transcript);
    expect(first.transcript).toMatch(/^web\s+1\/1\s+Running\s+0\s+20s\s+10\.244\.\d+\.\d+\s+worker\d/m);
  });

  it('draws random choices from the seed: another seed generates other names', () => {
    const names = [1, 2].map(
      (seed) => /pod\/(web-[a-z0-9]{5}) created/.exec(runScript(GENERATED_POD, { seed }).transcript)?.[1],
    );
    expect(names[0]).toMatch(/^web-[a-z0-9]{5}$/);
    expect(names[1]).toMatch(/^web-[a-z0-9]{5}$/);
    expect(names[0]).not.toBe(names[1]);
  });

  it('throws a ScriptSyntaxError carrying the line when the script cannot be parsed', () => {
    let caught: unknown;
    try {
      runScript('kubectl get pods\nsleep later\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScriptSyntaxError);
    expect((caught as ScriptSyntaxError).line).toBe(2);
  });
});
