import { describe, expect, it } from 'vitest';
import { defaultShape } from '../cluster/shape';
import { exportManifests } from './exportManifests';
import type { Scenario, ScenarioStep } from './scenario';

function scenarioOf(steps: ScenarioStep[], editor?: string): Scenario {
  return { seed: 1, cluster: defaultShape(), steps, clock: 0, ...(editor !== undefined ? { editor } : {}) };
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: app\n    image: nginx';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80';

describe('exportManifests', () => {
  it('is empty for a scenario that applied nothing', () => {
    expect(exportManifests(scenarioOf([]))).toBe('');
    expect(exportManifests(scenarioOf([{ at: 0, run: 'kubectl create deployment web --image=nginx' }], '  \n'))).toBe(
      '',
    );
  });

  it('exports heredocs given to apply, create and replace and manifest files, in order, with when and by what', () => {
    const steps: ScenarioStep[] = [
      { at: 0, run: `kubectl apply -f - <<EOF\n${POD}\nEOF` },
      { at: 9_999, run: `cat <<EOF | kubectl create -f -\n${SERVICE}\nEOF` },
      { at: 60_000, run: 'sleep 15\ncat > cm.yaml <<EOF\nkind: ConfigMap\nEOF\nkubectl apply -f cm.yaml' },
      { at: 3_600_000, run: 'kubectl -n lab replace --filename=- <<EOF\nkind: Secret\nEOF' },
    ];
    expect(exportManifests(scenarioOf(steps))).toBe(
      [
        '# applied at 0:00 by: kubectl apply -f - <<EOF',
        POD,
        '---',
        '# applied at 0:09 by: cat <<EOF | kubectl create -f -',
        SERVICE,
        '---',
        '# written at 1:15 by: cat > cm.yaml <<EOF',
        'kind: ConfigMap',
        '---',
        '# applied at 60:00 by: kubectl -n lab replace --filename=- <<EOF',
        'kind: Secret',
        '',
      ].join('\n'),
    );
  });

  it('leaves out heredocs that are not manifests sent to the API server, and text that is not a script', () => {
    const steps: ScenarioStep[] = [
      { at: 0, run: 'kubectl delete -f - <<EOF\nkind: Pod\nEOF' },
      { at: 0, run: 'kubectl create secret generic s --from-file=key=/dev/stdin <<EOF\nhunter2\nEOF' },
      { at: 0, run: 'cat > notes.txt <<EOF\nkind: Pod\nEOF' },
      { at: 0, run: 'cat <<EOF | ssh worker1 tee /tmp/pod.yaml\nkind: Pod\nEOF' },
      { at: 0, run: 'cat <<EOF | kubectl apply -f -\nkind: Pod' },
      { at: 0, run: 'kubectl apply -f - <<EOF\n# only a comment\n\nEOF' },
    ];
    expect(exportManifests(scenarioOf(steps))).toBe('');
  });

  it('splits a stream into its documents and exports each document once', () => {
    const steps: ScenarioStep[] = [
      { at: 1_000, run: `kubectl apply -f - <<EOF\n---\n${POD}\n--- # the service\n\n${SERVICE}\n...\nEOF` },
      { at: 2_000, run: `cat > pod.yml <<EOF\n\n${POD}   \n\nEOF` },
      { at: 3_000, run: `kubectl apply -f - <<EOF\n${SERVICE}\n---\nkind: ConfigMap\nEOF` },
    ];
    expect(exportManifests(scenarioOf(steps))).toBe(
      [
        '# applied at 0:01 by: kubectl apply -f - <<EOF',
        POD,
        '---',
        '# applied at 0:01 by: kubectl apply -f - <<EOF',
        SERVICE,
        '---',
        '# applied at 0:03 by: kubectl apply -f - <<EOF',
        'kind: ConfigMap',
        '',
      ].join('\n'),
    );
  });

  it("adds the editor's text last when it holds a document nothing applied", () => {
    const steps: ScenarioStep[] = [{ at: 0, run: `kubectl apply -f - <<EOF\n${POD}\nEOF` }];
    expect(exportManifests(scenarioOf(steps, `\n${SERVICE}\n`))).toBe(
      [
        '# applied at 0:00 by: kubectl apply -f - <<EOF',
        POD,
        '---',
        "# the editor's text (not applied)",
        SERVICE,
        '',
      ].join('\n'),
    );
    expect(exportManifests(scenarioOf(steps, `${POD}\n---\n${SERVICE}`))).toBe(
      [
        '# applied at 0:00 by: kubectl apply -f - <<EOF',
        POD,
        '---',
        "# the editor's text (not applied)",
        POD,
        '---',
        SERVICE,
        '',
      ].join('\n'),
    );
    expect(exportManifests(scenarioOf([], SERVICE))).toBe(`# the editor's text (not applied)\n${SERVICE}\n`);
  });

  it("leaves the editor's text out when every document in it was exported", () => {
    const steps: ScenarioStep[] = [{ at: 0, run: `kubectl apply -f - <<EOF\n${POD}\n---\n${SERVICE}\nEOF` }];
    const exported = [
      '# applied at 0:00 by: kubectl apply -f - <<EOF',
      POD,
      '---',
      '# applied at 0:00 by: kubectl apply -f - <<EOF',
      SERVICE,
      '',
    ].join('\n');
    expect(exportManifests(scenarioOf(steps, `${POD}\n`))).toBe(exported);
    expect(exportManifests(scenarioOf(steps, `\r\n${SERVICE}\r\n---\r\n${POD}\r\n`))).toBe(exported);
  });
});
