/**
 * The engine's home in the worker: a Playback, the real-time clock that drives it while playing, and the frames
 * the page draws. Timers and the frame sink are passed in, so the host runs the same in Node tests.
 */
import { resolveResourceName } from '../engine/api/resources';
import { Playback } from '../engine/playback/playback';
import { inspectCluster } from '../engine/playback/inspect';
import { timelineEvents } from '../engine/playback/timelineEvents';
import { ScriptSyntaxError } from '../engine/script/runScript';
import { exportManifests } from '../engine/scenario/exportManifests';
import { exportShellScript } from '../engine/scenario/exportShellScript';
import { formatEventLog } from '../engine/scenario/formatEventLog';
import { readScenarioText } from '../engine/scenario/readScenarioText';
import { formatScenario, type ScenarioResult } from '../engine/scenario/scenarioFile';
import { encodeScenarioLink } from '../engine/scenario/scenarioLink';
import type { Scenario } from '../engine/scenario/scenario';
import { scenarioFromScript } from '../engine/scenario/scenarioFromScript';
import { openScenario } from '../engine/scenario/scenarioPlayback';
import { completeCommandLine } from '../engine/kubectl/completion/completeCommandLine';
import { buildClusterView, clusterViewRevision } from '../engine/view/buildClusterView';
import type { Completion, EngineFrame, ExportFormat, FrameListener, RunOutcome, ScenarioOutcome } from './protocol';
import { SPEEDS } from './protocol';

/** Real ms between clock ticks while playing: the clock the page shows moves this often. */
export const TICK_MS = 40;
/**
 * Real ms between pictures of the cluster while playing. The graph animates each change over a few hundred ms, so
 * a picture every 120 ms looks continuous; more often only costs the page frames at high speeds.
 */
export const PICTURE_MS = 120;
/** A slow tick (a big cluster at 60×) never makes the clock jump more than this much real time at once. */
const MAX_TICK_REAL_MS = 250;
/** How far `step` looks for the next change before it stops anyway. */
const STEP_LIMIT_MS = 10 * 60_000;
const TIMELINE_EVENTS = 500;
const RECENT_DECISIONS = 300;
const PODS = resolveResourceName('pods')!;
const EVENTS = resolveResourceName('events')!;

export interface HostTimers {
  /** Real ms, monotonic. */
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the page last received, to send only what changed. */
interface Sent {
  viewRevision?: number;
  eventsRevision?: number;
  decisions?: string;
  /** The recorded steps' revision. */
  steps?: number;
}

export class EngineHost {
  private playback: Playback;
  private playing = false;
  private speed = 1;
  private timer: unknown;
  private lastTick = 0;
  private listener?: FrameListener;
  private sent: Sent = {};
  /** Real time the last picture (view, events, decisions) went out. */
  private pictureAt = -Infinity;
  /** Recorded steps the terminal has shown (typed there, or replayed into it): each is shown once. */
  private stepsShown = 0;

  constructor(private readonly timers: HostTimers) {
    // A cluster from the start, so reads before `open` (completion, inspect) have one to look at.
    this.playback = new Playback({ seed: 1 });
  }

  open(scenario: Scenario): void {
    this.pause();
    this.playback = openScenario(scenario);
    this.stepsShown = 0;
    this.speed = scenario.view?.speed ?? 1;
    this.publishAll();
    if (scenario.view?.playing) this.play();
  }

  subscribe(listener: FrameListener): void {
    this.listener = listener;
    this.publishAll();
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.lastTick = this.timers.now();
    this.schedule();
    this.publish();
  }

  pause(): void {
    this.playing = false;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.publish();
  }

  setSpeed(speed: number): void {
    if (!(SPEEDS as readonly number[]).includes(speed)) throw new Error(`unsupported speed ${speed}`);
    this.speed = speed;
    this.publish();
  }

  step(): void {
    const cluster = () => this.playback.current().cluster;
    const revisions = () => `${cluster().api.resourceRevision(PODS)}/${cluster().api.resourceRevision(EVENTS)}`;
    const before = revisions();
    this.playback.advanceUntil(() => revisions() !== before, this.playback.now() + STEP_LIMIT_MS);
    this.publish();
  }

  seek(time: number): void {
    this.playback.seek(time);
    this.publishAll();
  }

  run(script: string): RunOutcome {
    try {
      const results = this.playback.run(script);
      this.stepsShown = this.playback.recorded().length;
      return { ok: true, results };
    } catch (error) {
      if (error instanceof ScriptSyntaxError) return { ok: false, error: error.message, line: error.line };
      throw error;
    } finally {
      this.publish();
    }
  }

  startWatch(commandLine: string): { outcome: RunOutcome; watch?: number } {
    const started = this.playback.record(commandLine, (session) => session.startWatch(commandLine));
    this.stepsShown = this.playback.recorded().length;
    const { result } = started;
    const time = this.playback.now() - this.playback.start();
    this.publish();
    return {
      outcome: {
        ok: true,
        results: [{ command: commandLine, time, ...result, hints: result.hints ?? [] }],
      },
      watch: started.watch,
    };
  }

  readWatch(watch: number): string {
    return this.playback.current().readWatch(watch);
  }

  stopWatch(watch: number): void {
    this.playback.current().stopWatch(watch);
  }

  inspect(commandLine: string) {
    return inspectCluster(this.playback.current(), commandLine);
  }

  complete(line: string): Completion {
    return completeCommandLine(this.playback.current(), line);
  }

  current() {
    return this.playback.current();
  }

  exportScenario(scenario: Scenario, format: ExportFormat): string {
    switch (format) {
      case 'file':
        return formatScenario(scenario, { header: true });
      case 'link':
        return encodeScenarioLink(scenario);
      case 'manifests':
        return exportManifests(scenario);
      case 'script':
        return exportShellScript(scenario);
      case 'events':
        return formatEventLog(this.playback.current().cluster);
    }
  }

  readScenario(text: string): ScenarioResult {
    return readScenarioText(text);
  }

  scenarioFromScript(script: string, base: Partial<Scenario>): ScenarioOutcome {
    try {
      return { ok: true, scenario: scenarioFromScript(script, base) };
    } catch (error) {
      if (error instanceof ScriptSyntaxError) return { ok: false, error: error.message, line: error.line };
      throw error;
    }
  }

  private schedule(): void {
    this.timer = this.timers.setTimeout(() => this.tick(), TICK_MS);
  }

  private tick(): void {
    if (!this.playing) return;
    const now = this.timers.now();
    const realMs = Math.min(now - this.lastTick, MAX_TICK_REAL_MS);
    this.lastTick = now;
    this.playback.advanceTo(this.playback.now() + Math.round(realMs * this.speed));
    this.publish(now - this.pictureAt < PICTURE_MS);
    this.schedule();
  }

  /** Sends a frame; `clockOnly` leaves the picture for a later tick. */
  private publish(clockOnly = false): void {
    this.listener?.(this.frame(clockOnly));
  }

  /** A frame with everything, after the cluster was replaced (start, seek). */
  private publishAll(): void {
    this.sent = {};
    this.publish();
  }

  private frame(clockOnly = false): EngineFrame {
    const playback = this.playback;
    const cluster = playback.current().cluster;
    const frame: EngineFrame = {
      clock: {
        now: playback.now(),
        start: playback.start(),
        horizon: playback.horizon(),
        playing: this.playing,
        speed: this.speed,
        stepsDone: playback.stepsDone(),
      },
    };
    // Steps the clock ran go out at once, whatever the picture does: the terminal shows each the first time.
    const replayed = playback.takeReplayed().filter((step) => step.index >= this.stepsShown);
    if (replayed.length > 0) {
      frame.replayed = replayed.map(({ script, results }) => ({ script, results }));
      this.stepsShown = replayed.at(-1)!.index + 1;
    }
    if (clockOnly) return frame;
    this.pictureAt = this.timers.now();
    const viewRevision = clusterViewRevision(cluster);
    if (viewRevision !== this.sent.viewRevision) {
      frame.view = buildClusterView(cluster);
      this.sent.viewRevision = viewRevision;
    }
    const eventsRevision = cluster.api.resourceRevision(EVENTS);
    if (eventsRevision !== this.sent.eventsRevision) {
      frame.events = timelineEvents(cluster, TIMELINE_EVENTS);
      this.sent.eventsRevision = eventsRevision;
    }
    const entries = cluster.decisions.state.entries;
    const decisionsMark = `${entries.length}:${entries.at(-1)?.time ?? 0}`;
    if (decisionsMark !== this.sent.decisions) {
      frame.decisions = entries.slice(-RECENT_DECISIONS);
      this.sent.decisions = decisionsMark;
    }
    if (playback.recordedRevision() !== this.sent.steps) {
      const start = playback.start();
      frame.steps = playback.recorded().map((step) => ({ at: step.at - start, run: step.script }));
      this.sent.steps = playback.recordedRevision();
    }
    return frame;
  }
}
