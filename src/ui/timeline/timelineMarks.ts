/** Where the timeline draws its marks: Events and the learner's own steps, as fractions of its length. */
import type { TimelineEvent } from '../../worker/protocol';

export interface TimelineMark {
  /** 0 at the start, 1 at the horizon. */
  at: number;
  kind: 'warning' | 'normal' | 'step';
  label: string;
}

/** Marks closer than this (a fraction of the width) merge, so a busy second draws one mark, not fifty. */
const MERGE = 0.004;

export function timelineMarks(
  events: readonly TimelineEvent[],
  stepTimes: readonly number[],
  start: number,
  horizon: number,
): TimelineMark[] {
  const span = Math.max(1, horizon - start);
  const position = (time: number) => Math.min(1, Math.max(0, (time - start) / span));
  const marks: TimelineMark[] = [
    ...events.map((event): TimelineMark => ({
      at: position(event.time),
      kind: event.type === 'Warning' ? 'warning' : 'normal',
      label: `${event.reason} ${event.object.kind.toLowerCase()}/${event.object.name}: ${event.message}`,
    })),
    ...stepTimes.map((time): TimelineMark => ({ at: position(time), kind: 'step', label: '' })),
  ].sort((a, b) => a.at - b.at);
  const merged: TimelineMark[] = [];
  const lastOfKind = new Map<TimelineMark['kind'], TimelineMark>();
  for (const mark of marks) {
    const near = lastOfKind.get(mark.kind);
    if (!near || mark.at - near.at >= MERGE) {
      const kept = { ...mark };
      merged.push(kept);
      lastOfKind.set(mark.kind, kept);
    } else if (mark.label && near.label.split('\n').length < 6) near.label += `\n${mark.label}`;
  }
  return merged;
}
