import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IPod } from 'kubernetes-models/v1/Pod';
import { Playback } from '../../engine/playback/playback';
import { timelineEvents } from '../../engine/playback/timelineEvents';
import { probeSummary } from './probeSummary';

const seedScript = readFileSync(new URL('../../scenarios/examples/S002-liveness-exec.sh', import.meta.url), 'utf8');
const manifest = seedScript.slice(0, seedScript.indexOf('kubectl get pods'));

function podAt(seconds: number) {
  const playback = new Playback({ seed: 1 }, { kubectlStartupMs: 0 });
  playback.run(manifest);
  playback.advanceTo(playback.start() + seconds * 1000);
  const session = playback.current();
  const pod = JSON.parse(session.kubectl('get pod liveness-exec -o json').stdout) as IPod;
  return probeSummary(pod, timelineEvents(session.cluster, 100));
}

describe('probeSummary (S002-liveness-exec)', () => {
  it('describes the probe and shows it passing before the file is removed', () => {
    expect(podAt(20)).toEqual([
      {
        container: 'liveness',
        type: 'liveness',
        handler: 'exec [cat /tmp/healthy]',
        timing: 'delay=5s timeout=1s period=5s #success=1 #failure=3',
        passing: true,
        failures: [],
      },
    ]);
  });

  it('shows the kubelet’s failures once /tmp/healthy is gone', () => {
    const [row] = podAt(45);
    expect(row!.passing).toBe(false);
    expect(row!.failures[0]!.message).toMatch(/^Liveness probe failed: cat: can't open '\/tmp\/healthy'/);
    expect(row!.failures[0]!.count).toBeGreaterThanOrEqual(2);
  });
});
