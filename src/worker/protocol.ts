/** The one typed protocol between the page and the engine worker (both sides import it). */
import type { KubectlResult } from '../engine';
import type { Decision } from '../engine/controllers/decisionLog';
import type { Scenario, ScenarioStep } from '../engine/scenario/scenario';
import type { ScenarioResult } from '../engine/scenario/scenarioFile';
import type { TimelineEvent } from '../engine/playback/timelineEvents';
import type { ScriptStepResult } from '../engine/script/runScript';
import type { ClusterView } from '../engine/view/clusterViewTypes';

export type { ClusterView, Decision, Scenario, ScenarioResult, ScenarioStep, ScriptStepResult, TimelineEvent };

export { SPEEDS } from '../engine/playback/speeds';

export interface ClockState {
  /** Virtual ms since the Unix epoch. */
  now: number;
  start: number;
  /** The furthest moment reached: the timeline's end. */
  horizon: number;
  playing: boolean;
  speed: number;
  /** How many of the recorded steps have run at this moment (the rest lie ahead after a seek back). */
  stepsDone: number;
}

/** A recorded step the clock reached and ran again (an opened scenario's, or after a seek back), for the terminal. */
export interface ReplayedRun {
  script: string;
  results: ScriptStepResult[];
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
  /** Everything recorded (times relative to the start): the timeline's marks, and what a share link holds. */
  steps?: ScenarioStep[];
  /** Recorded steps that ran as the clock reached them since the last frame. */
  replayed?: ReplayedRun[];
}

export type FrameListener = (frame: EngineFrame) => void;

export type RunOutcome = { ok: true; results: ScriptStepResult[] } | { ok: false; error: string; line: number };

export interface Completion {
  from: number;
  candidates: string[];
}

export interface EngineApi {
  /**
   * Builds the scenario's cluster, runs its steps up to its clock (the rest run as the clock reaches them) and
   * takes its speed and playing state; the listener gets a whole frame.
   */
  open(scenario: Scenario): void;
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
  /**
   * The scenario as a file (`.kubeplay.yaml`), a share link's fragment, the manifests it applies, a shell script
   * for a real cluster, or (for the cluster as it stands) the event log.
   */
  exportScenario(scenario: Scenario, format: ExportFormat): string;
  /** A scenario from a file's text or a share link, or why it cannot be opened. */
  readScenario(text: string): ScenarioResult;
  /** A session script (an example) as a scenario that opens at its start; the page's cluster is untouched. */
  scenarioFromScript(script: string, base: Partial<Scenario>): ScenarioOutcome;
  /** Runs a `kubeplay script` against a fresh cluster of its own, as the CLI does; the page's cluster is untouched. */
  runScript(text: string, options: { seed?: number }): ScriptOutcome;
}

export type ScriptOutcome = { ok: true; transcript: string } | { ok: false; error: string; line: number };

export type ExportFormat = 'file' | 'link' | 'manifests' | 'script' | 'events';

export type ScenarioOutcome = { ok: true; scenario: Scenario } | { ok: false; error: string; line: number };
