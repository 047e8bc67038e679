/** How the page's mirror of the engine takes in a frame: only the parts a frame carries replace what it had. */
import type { ClockState, ClusterView, Decision, EngineFrame, TimelineEvent } from '../worker/protocol';

export interface EngineMirror {
  clock?: ClockState;
  view?: ClusterView;
  events: TimelineEvent[];
  decisions: Decision[];
  stepTimes: number[];
}

export function applyFrame(mirror: EngineMirror, frame: EngineFrame): EngineMirror {
  return {
    clock: frame.clock,
    view: frame.view ?? mirror.view,
    events: frame.events ?? mirror.events,
    decisions: frame.decisions ?? mirror.decisions,
    stepTimes: frame.stepTimes ?? mirror.stepTimes,
  };
}
