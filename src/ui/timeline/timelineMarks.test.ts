import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../worker/protocol';
import { timelineMarks } from './timelineMarks';

const event = (time: number, type: 'Normal' | 'Warning', reason: string): TimelineEvent => ({
  time,
  type,
  reason,
  message: 'm',
  count: 1,
  object: { kind: 'Pod', name: 'web-0' },
});

describe('timelineMarks', () => {
  it('places Events and steps along the span, merging close ones of a kind', () => {
    const marks = timelineMarks(
      [event(1000, 'Normal', 'Scheduled'), event(1001, 'Normal', 'Pulling'), event(6000, 'Warning', 'BackOff')],
      [0],
      0,
      10_000,
    );
    expect(marks).toEqual([
      { at: 0, kind: 'step', label: '' },
      { at: 0.1, kind: 'normal', label: 'Scheduled pod/web-0: m\nPulling pod/web-0: m' },
      { at: 0.6, kind: 'warning', label: 'BackOff pod/web-0: m' },
    ]);
  });
});
