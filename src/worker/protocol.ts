/** The one typed protocol between the page and the engine worker (both sides import it). */
import type { KubectlResult } from '../engine';
import type { Decision } from '../engine/controllers/decisionLog';
import type { RecordedStep } from '../engine/playback/playback';
import type { TimelineEvent } from '../engine/playback/timelineEvents';
import type { ScriptStepResult } from '../engine/script/runScript';
import type { ClusterView } from '../engine/view/clusterViewTypes';

export type { ClusterView, Decision, RecordedStep, ScriptStepResult, TimelineEvent };

export interface StartOptions {
  seed?: number;
  /** Steps to replay at their recorded times (a reload, or a restart after the worker crashed). */
  steps?: RecordedStep[];
  /** Where to put the clock after replaying; default: the last step's end. */
  time?: number;
}

/** Playback speeds the clock offers: virtual seconds per real second. */
export const SPEEDS = [0.5, 1, 2, 5, 10, 30, 60] as const;

export interface ClockState {
  /** Virtual ms since the Unix epoch. */
  now: number;
  start: number;
  /** The furthest moment reached: the timeline's end. */
  horizon: number;
  playing: boolean;
  speed: number;
}

/**
 * What the page receives at most every frame: the clock, and the parts that changed since the last frame
 * (a part that did not change is left out).
 */
export interface EngineFrame {
  clock: ClockState;
  view?: ClusterView;
  events?: TimelineEvent[];
  decisions?: Decision[];
  /** Times at which the learner acted, for the timeline's marks. */
  stepTimes?: number[];
}

export type FrameListener = (frame: EngineFrame) => void;

export type RunOutcome =
  { ok: true; results: ScriptStepResult[]; steps: RecordedStep[] } | { ok: false; error: string; line: number };

export interface Completion {
  from: number;
  candidates: string[];
}

export interface EngineApi {
  /** Starts a fresh cluster (replaying `steps` if given); the listener gets its first frame. */
  start(options: StartOptions): void;
  /** Registers the page's frame listener (a Comlink proxy); every change reaches it as a frame. */
  subscribe(listener: FrameListener): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Runs to the next moment the picture changes (a pod, a workload, an Event), within ten minutes. */
  step(): void;
  /** Goes to any moment between the start and the horizon. */
  seek(time: number): void;
  /** Runs what the learner typed or applied (kubectl, heredocs, `kubeplay` actions, shell), records it. */
  run(script: string): RunOutcome;
  /** A read-only kubectl command (get, describe, logs, events…) for the inspector: no time passes, nothing recorded. */
  inspect(commandLine: string): KubectlResult;
  complete(line: string): Completion;
  /** `kubectl get … -w`: runs and recorded like `run`, then streams with `readWatch` until `stopWatch`. */
  startWatch(commandLine: string): { outcome: RunOutcome; watch?: number };
  readWatch(watch: number): string;
  stopWatch(watch: number): void;
  /** Runs a `kubeplay script` against a fresh cluster of its own, as the CLI does; the page's cluster is untouched. */
  runScript(text: string, options: { seed?: number }): ScriptOutcome;
}

export type ScriptOutcome = { ok: true; transcript: string } | { ok: false; error: string; line: number };
