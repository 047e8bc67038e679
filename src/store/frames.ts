/** How the page's mirror of the engine takes in a frame: only the parts a frame carries replace what it had. */
import type { ClockState, ClusterView, Decision, EngineFrame, ScenarioStep, TimelineEvent } from '../worker/protocol';

export interface EngineMirror {
  clock?: ClockState;
  view?: ClusterView;
  events: TimelineEvent[];
  decisions: Decision[];
  /** Everything recorded, times relative to the start. */
  steps: ScenarioStep[];
}

export function applyFrame(mirror: EngineMirror, frame: EngineFrame): EngineMirror {
  return {
    clock: frame.clock,
    view: frame.view ?? mirror.view,
    events: frame.events ?? mirror.events,
    decisions: frame.decisions ?? mirror.decisions,
    steps: frame.steps ?? mirror.steps,
  };
}
