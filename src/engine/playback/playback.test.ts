import { describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL_MS, MAX_CHECKPOINTS, Playback } from './playback';

const DEPLOYMENT = `kubectl create deployment web --image=nginx --replicas=3`;

/** JSON with object keys sorted: a read may create an empty bucket, which moves keys but changes nothing. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** What a learner would compare: the pods and the whole engine state. */
function observe(playback: Playback) {
  const session = playback.current();
  return {
    now: playback.now(),
    pods: session.kubectl('get pods -o wide').stdout,
    state: canonical(session.cluster.snapshot()),
  };
}

describe('Playback', () => {
  it('replays a run exactly after seeking back to the start', () => {
    const playback = new Playback({ seed: 7 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.advanceTo(start + 5_000);
    playback.run(DEPLOYMENT);
    playback.advanceTo(start + 40_000);
    playback.run('kubectl set image deployment/web nginx=nginx:1.27');
    playback.advanceTo(start + 95_000);
    const end = playback.now();
    const first = canonical(playback.current().cluster.snapshot());

    playback.seek(start);
    expect(playback.now()).toBe(start);
    expect(playback.current().kubectl('get deployments').stderr).toBe('No resources found in default namespace.\n');
    playback.advanceTo(end);
    expect(canonical(playback.current().cluster.snapshot())).toBe(first);
    expect(playback.recorded().map((step) => step.at)).toEqual([start + 5_000, start + 40_000]);
  });

  it('shows an earlier moment as it was, mid rollout', () => {
    const playback = new Playback({ seed: 3 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.run(DEPLOYMENT);
    playback.advanceTo(start + 2_000);
    const early = observe(playback);
    playback.advanceTo(start + 120_000);
    expect(observe(playback).pods).not.toBe(early.pods);

    playback.seek(start + 2_000);
    expect(observe(playback)).toEqual(early);
  });

  it('drops the recorded future when the learner acts in the past', () => {
    const playback = new Playback({ seed: 1 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.run(DEPLOYMENT);
    playback.advanceTo(start + 60_000);
    playback.run('kubectl scale deployment web --replicas=5');
    playback.advanceTo(start + 90_000);

    playback.seek(start + 30_000);
    expect(playback.horizon()).toBe(start + 90_000);
    playback.run('kubectl scale deployment web --replicas=1');
    expect(playback.recorded().map((step) => step.script)).toEqual([
      DEPLOYMENT,
      'kubectl scale deployment web --replicas=1',
    ]);
    expect(playback.horizon()).toBe(start + 30_000);
    playback.advanceTo(start + 120_000);
    expect(playback.current().kubectl('get deployment web -o jsonpath={.spec.replicas}').stdout).toBe('1');
  });

  it('replays a heredoc apply, and keeps the shell state (namespace) across a seek', () => {
    const playback = new Playback({ seed: 2 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.run('kubectl create namespace lab\nkubectl config set-context --current --namespace=lab');
    playback.run(`cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: solo
spec:
  containers:
  - name: app
    image: nginx
EOF`);
    playback.advanceTo(start + 70_000);
    playback.seek(start + 10_000);
    expect(playback.current().kubectl('get pods -o name').stdout).toBe('pod/solo\n');
  });

  it('keeps a bounded number of snapshots over a long run', () => {
    const playback = new Playback({ seed: 1 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.advanceTo(start + CHECKPOINT_INTERVAL_MS * (MAX_CHECKPOINTS * 3));
    const internal = playback as unknown as { checkpoints: { at: number }[] };
    expect(internal.checkpoints.length).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    expect(internal.checkpoints[0]!.at).toBe(start);
    playback.seek(start + CHECKPOINT_INTERVAL_MS * 7 + 1234);
    expect(playback.now()).toBe(start + CHECKPOINT_INTERVAL_MS * 7 + 1234);
  });

  it('rejects script text it cannot parse, and records nothing', () => {
    const playback = new Playback({ seed: 1 }, { kubectlStartupMs: 0 });
    expect(() => playback.run('cat <<EOF | kubectl apply -f -\nkind: Pod')).toThrow(/here-document at line 1/);
    expect(playback.recorded()).toEqual([]);
  });
});

describe('Playback.advanceUntil', () => {
  it('stops at the first moment the condition holds', () => {
    const playback = new Playback({ seed: 1 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.run('kubectl run solo --image=nginx');
    const running = () => playback.current().kubectl('get pod solo -o jsonpath={.status.phase}').stdout === 'Running';
    playback.advanceUntil(running, start + 600_000);
    expect(running()).toBe(true);
    const reached = playback.now();
    playback.seek(reached - 1);
    expect(running()).toBe(false);
  });

  it('gives up at the limit', () => {
    const playback = new Playback({ seed: 1 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.advanceUntil(() => false, start + 45_000);
    expect(playback.now()).toBe(start + 45_000);
  });
});

describe('a step at the very start', () => {
  it('has not run at that moment: seeking there shows the cluster before it', () => {
    const playback = new Playback({ seed: 1 }, { kubectlStartupMs: 0 });
    const start = playback.now();
    playback.run('kubectl create deployment web --image=nginx --replicas=2');
    playback.advanceTo(start + 30_000);
    playback.seek(start);
    expect(playback.current().kubectl('get deployments').stderr).toBe('No resources found in default namespace.\n');
    playback.advanceTo(start + 30_000);
    expect(playback.current().kubectl('get deployment web -o name').stdout).toBe('deployment.apps/web\n');
  });
});
