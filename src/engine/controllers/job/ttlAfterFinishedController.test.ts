import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../runtime/time';
import { jobManifest } from './jobTestObjects';
import type { Job } from './jobTypes';
import { OneSyncHarness } from './oneSyncHarness';
import { TTL_AFTER_FINISHED_CONTROLLER } from './ttlAfterFinishedController';

describe('TTL-after-finished controller', () => {
  it('waits until ttlSecondsAfterFinished after the Complete condition, then deletes the Job in the foreground', () => {
    const h = new OneSyncHarness(TTL_AFTER_FINISHED_CONTROLLER);
    const running = h.create<Job>(jobManifest('pi', { ttlSecondsAfterFinished: 100 }));
    expect(h.keysFor('MODIFIED', running, running)).toEqual([]);
    h.advance(10);
    const now = formatTimestamp(h.runtime.now());
    const done = h.setStatus(running, {
      completionTime: now,
      conditions: [{ type: 'Complete', status: 'True', lastProbeTime: now, lastTransitionTime: now }],
    });
    expect(h.keysFor('MODIFIED', done, running)).toEqual(['default/pi']);
    h.advance(30);
    expect(h.sync('default/pi')).toEqual([]);
    expect(h.queuedIn('default/pi')).toBe(70_000);
    h.advance(70);
    expect(h.sync('default/pi')).toEqual(['delete jobs/pi (Foreground)']);
    expect(h.find<Job>(running)?.metadata.finalizers).toEqual(['foregroundDeletion']);
  });

  it('ignores Jobs without a TTL', () => {
    const h = new OneSyncHarness(TTL_AFTER_FINISHED_CONTROLLER);
    const job = h.create<Job>(jobManifest('pi'));
    const now = formatTimestamp(h.runtime.now());
    const failed = h.setStatus(job, { conditions: [{ type: 'Failed', status: 'True', lastTransitionTime: now }] });
    expect(h.keysFor('MODIFIED', failed, job)).toEqual([]);
    expect(h.sync('default/pi')).toEqual([]);
  });
});
