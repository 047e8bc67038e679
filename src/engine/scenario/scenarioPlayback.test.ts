import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultShape } from '../cluster/shape';
import { Playback } from '../playback/playback';
import { runScript } from '../script/runScript';
import { scenarioFromScript } from './scenarioFromScript';
import { decodeScenarioLink, encodeScenarioLink } from './scenarioLink';
import { momentOf, openScenario } from './scenarioPlayback';

/** JSON with object keys sorted: a read may create an empty bucket, which moves keys but changes nothing. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

const stateOf = (playback: Playback) => canonical(playback.current().cluster.snapshot());

/** A learner's run: apply, scale, set image, a failing probe, with the cluster running in between. */
function learnerRun(): Playback {
  const playback = new Playback({ seed: 5, shape: defaultShape(2) });
  const start = playback.start();
  playback.advanceTo(start + 1_500);
  playback.run('kubectl create deployment web --image=nginx:1.27 --replicas=2');
  playback.advanceTo(start + 30_000);
  playback.run('kubectl scale deployment web --replicas=4');
  playback.advanceTo(start + 45_000);
  playback.run('kubectl set image deployment/web nginx=nginx:1.28');
  playback.advanceTo(start + 80_000);
  const pod = playback.current().kubectl("get pods -o jsonpath='{.items[0].metadata.name}'").stdout;
  playback.run(`kubeplay probe fail ${pod} readiness`);
  playback.advanceTo(start + 95_000);
  return playback;
}

describe('scenarios and playback', () => {
  it('a shared moment opens as the same cluster: objects, names, IPs, clock', () => {
    const original = learnerRun();
    const scenario = { seed: 5, cluster: defaultShape(2), ...momentOf(original) };
    const decoded = decodeScenarioLink(encodeScenarioLink(scenario));
    if (!decoded.ok) throw new Error(decoded.error);

    const opened = openScenario(decoded.scenario);
    expect(opened.now()).toBe(original.now());
    expect(stateOf(opened)).toBe(stateOf(original));
    expect(opened.current().kubectl('get pods -o wide').stdout).toBe(
      original.current().kubectl('get pods -o wide').stdout,
    );
  });

  it('an opened moment can be scrubbed back to the start and played to where the sender had been', () => {
    const original = learnerRun();
    original.seek(original.start() + 40_000);
    const scenario = { seed: 5, cluster: defaultShape(2), ...momentOf(original) };
    expect(scenario.clock).toBe(40_000);
    expect(scenario.end).toBe(95_000);

    const opened = openScenario(scenario);
    expect(stateOf(opened)).toBe(stateOf(original));
    opened.seek(opened.start());
    expect(opened.current().kubectl('get deployments').stderr).toBe('No resources found in default namespace.\n');
    opened.seek(opened.start() + 95_000);
    original.advanceTo(original.start() + 95_000);
    expect(stateOf(opened)).toBe(stateOf(original));
  });

  it('a step that takes no time shows as done in the moment shared right after it', () => {
    const playback = new Playback({ seed: 1 });
    playback.advanceTo(playback.start() + 2_000);
    playback.run("cat > pod.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nEOF");
    const moment = momentOf(playback);
    expect(moment.clock).toBe(2_001);
    const opened = openScenario({ seed: 1, cluster: defaultShape(3), ...moment });
    expect(opened.current().shell('cat pod.yaml').stdout).toBe('apiVersion: v1\nkind: Pod\n');
  });

  it('shows the steps run on the way to the moment, with their output, for the terminal', () => {
    const original = learnerRun();
    const opened = openScenario({ seed: 5, cluster: defaultShape(2), ...momentOf(original) });
    const replayed = opened.takeReplayed();
    expect(replayed.map((step) => step.script.split(' ').slice(0, 3).join(' '))).toEqual([
      'kubectl create deployment',
      'kubectl scale deployment',
      'kubectl set image',
      'kubeplay probe fail',
    ]);
    expect(replayed[0]!.results[0]!.stdout).toBe('deployment.apps/web created\n');
    expect(opened.takeReplayed()).toEqual([]);
  });

  it('a replayed step cannot run past the next step: a crafted scenario cannot keep the engine busy for days', () => {
    const opened = openScenario({
      seed: 1,
      cluster: defaultShape(1),
      steps: [
        { at: 0, run: 'kubectl wait --for=delete namespace/default --timeout=-1s' },
        { at: 2_000, run: 'kubectl get namespace default -o name' },
      ],
      clock: 10_000,
    });
    expect(opened.now() - opened.start()).toBe(10_000);
    const [wait, get] = opened.takeReplayed();
    expect(wait!.results[0]!.exitCode).not.toBe(0);
    expect(get!.results[0]!.time).toBe(2_000);
  });

  it('a session script longer than six hours becomes a scenario that ends there', () => {
    const scenario = scenarioFromScript('kubectl get nodes\nsleep 12h\nkubectl get nodes\n');
    expect(scenario.steps.map((step) => step.at)).toEqual([0, 6 * 3_600_000]);
  }, 30_000);

  it('an example script becomes a scenario at its start whose steps print what the script prints', () => {
    const script = fs.readFileSync(new URL('../../scenarios/examples/S002-liveness-exec.sh', import.meta.url), 'utf8');
    const scenario = scenarioFromScript(script, { title: 'S002-liveness-exec' });
    expect(scenario.clock).toBe(0);
    expect(scenario.steps[0]!.run).toMatch(/^cat <<EOF \| kubectl apply -f -\n/);

    const opened = openScenario(scenario);
    expect(opened.takeReplayed()).toEqual([]);
    opened.advanceTo(opened.start() + scenario.end! + 1);
    const printed = opened
      .takeReplayed()
      .flatMap((step) => step.results)
      .map((result) => `$ ${result.command}\n${result.stdout}${result.stderr}`)
      .join('');
    const transcript = runScript(script).transcript.replace(/^\$ sleep .*\n/gm, '');
    expect(printed).toBe(transcript);
  });
});
