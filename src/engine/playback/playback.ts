/**
 * A learner's run as a timeline: what they did (script text, each at the virtual time it ran) over a deterministic
 * cluster, with snapshots along the way. Seeking back restores the latest snapshot before the moment and replays
 * forward; playing on re-runs the recorded steps at their times, so the run looks exactly as it did. Doing
 * something new in the past starts a new branch: the recorded future is dropped.
 */
import type { ClusterOptions, ClusterState } from '../cluster/cluster';
import { parseScript, type ScriptStep } from '../script/parseScript';
import { runStep, ScriptSyntaxError, type ScriptStepResult } from '../script/runScript';
import { Session, type SessionOptions, type SessionState } from '../session/session';

/** One thing the learner did: script text (commands, heredocs, actions) and the virtual time it started. */
export interface RecordedStep {
  /** Virtual ms since the Unix epoch. */
  at: number;
  script: string;
}

/** A recorded step the playback ran again as the clock reached it, with what it printed. */
export interface ReplayedStep {
  /** Its place among the recorded steps. */
  index: number;
  at: number;
  script: string;
  results: ScriptStepResult[];
}

interface Checkpoint {
  at: number;
  /** How many recorded steps had run. */
  steps: number;
  cluster: ClusterState;
  session: SessionState;
}

/** Virtual time between snapshots while the cluster runs on its own. */
export const CHECKPOINT_INTERVAL_MS = 30_000;
/** Snapshots kept; beyond it every other older one is dropped, so seeks stay bounded in memory and time. */
export const MAX_CHECKPOINTS = 48;
/** Replayed steps kept between two takes: as many as a scenario may hold; beyond, the oldest go. */
const MAX_REPLAYED = 5_000;

export class Playback {
  private session: Session;
  private readonly steps: RecordedStep[] = [];
  /** Recorded steps that have run in the current cluster (the rest lie ahead of the clock). */
  private stepsRun = 0;
  private checkpoints: Checkpoint[] = [];
  /** The furthest virtual time the run has reached. */
  private horizonAt: number;
  /** Steps run again by `advanceTo` since the last `takeReplayed`, for the terminal to show. */
  private replayed: ReplayedStep[] = [];
  /** Bumped whenever the recorded steps change (a new step, a dropped future, a plan). */
  private stepsRevision = 0;

  constructor(
    options: ClusterOptions,
    private readonly sessionOptions: SessionOptions = {},
  ) {
    this.session = Session.create(options, sessionOptions);
    this.horizonAt = this.session.cluster.now();
    this.checkpoint();
  }

  /** The live session (read it; change the cluster only through `run`). */
  current(): Session {
    return this.session;
  }

  now(): number {
    return this.session.cluster.now();
  }

  start(): number {
    return this.checkpoints[0]!.at;
  }

  /** The furthest moment the run has reached: the end of the timeline. */
  horizon(): number {
    return Math.max(this.horizonAt, this.now());
  }

  recorded(): readonly RecordedStep[] {
    return this.steps;
  }

  /** Changes whenever `recorded()` does. */
  recordedRevision(): number {
    return this.stepsRevision;
  }

  /** How many recorded steps have run in the cluster as it stands. */
  stepsDone(): number {
    return this.stepsRun;
  }

  /**
   * Lays out steps ahead of the clock (a scenario opened before its end): each runs when the clock reaches it, and
   * the timeline reaches at least to `end`. What was recorded ahead before is replaced.
   */
  plan(steps: readonly RecordedStep[], end: number): void {
    this.dropFuture();
    const now = this.now();
    this.steps.push(...steps.filter((step) => step.at >= now));
    this.stepsRevision++;
    // One millisecond past the last step, so that the end of the timeline shows it done.
    const last = this.steps.at(-1);
    this.horizonAt = Math.max(now, end, last ? last.at + 1 : now);
  }

  /** The steps replayed since the last call, oldest first; the list starts afresh. */
  takeReplayed(): ReplayedStep[] {
    const taken = this.replayed;
    this.replayed = [];
    return taken;
  }

  /**
   * Runs script text now and records it. Steps recorded after the current moment (left by a seek back) are
   * dropped: the learner has changed the past.
   */
  run(script: string): ScriptStepResult[] {
    const parsed = parseScript(script);
    if (!parsed.ok) throw new ScriptSyntaxError(parsed.error, parsed.line);
    return this.record(script, () => this.runSteps(parsed.steps));
  }

  /**
   * Records `script` as run now, with `execute` doing the running on the live session: for a command the page
   * runs its own way (a streaming watch) whose effect on the cluster is the script's.
   */
  record<T>(script: string, execute: (session: Session) => T): T {
    this.dropFuture();
    this.steps.push({ at: this.now(), script });
    this.stepsRevision++;
    this.stepsRun++;
    const result = execute(this.session);
    this.horizonAt = this.now();
    this.checkpoint();
    return result;
  }

  /**
   * Runs forward until `changed()` holds after some due work, or until `limit`: the timeline's "step to the next
   * thing that happens".
   */
  advanceUntil(changed: () => boolean, limit: number): void {
    while (this.now() < limit) {
      const next = this.session.cluster.runtime.nextTaskTime();
      const replay = this.steps[this.stepsRun]?.at;
      const target = Math.min(limit, next ?? limit, replay ?? limit);
      this.advanceTo(Math.max(target, this.now() + 1));
      if (changed()) return;
    }
  }

  /**
   * Runs the cluster forward to `time`, replaying recorded steps as their moments come. A step recorded at exactly
   * `time` has not run yet: a moment shows the cluster as it was just before what the learner did then.
   */
  advanceTo(time: number): void {
    let lastCheckpoint = this.checkpoints.at(-1)!.at;
    for (;;) {
      const next = this.steps[this.stepsRun];
      const stop = next && next.at < time ? next.at : time;
      while (lastCheckpoint + CHECKPOINT_INTERVAL_MS <= stop) {
        this.session.cluster.advance(lastCheckpoint + CHECKPOINT_INTERVAL_MS - this.now());
        if (this.now() > this.horizonAt) this.horizonAt = this.now();
        this.checkpoint();
        lastCheckpoint = this.now();
      }
      if (stop > this.now()) this.session.cluster.advance(stop - this.now());
      if (!next || next.at >= time) break;
      const index = this.stepsRun++;
      const parsed = parseScript(next.script);
      if (parsed.ok) {
        const results = this.runBefore(parsed.steps, this.steps[this.stepsRun]?.at ?? this.horizonAt);
        this.replayed.push({ index, ...next, results });
        if (this.replayed.length > MAX_REPLAYED) this.replayed.shift();
      }
      this.checkpoint();
      lastCheckpoint = this.now();
    }
    if (this.now() > this.horizonAt) this.horizonAt = this.now();
  }

  /** Goes to any moment between the start and the horizon: back through a snapshot, forward by running. */
  seek(time: number): void {
    const target = Math.max(this.start(), Math.min(time, this.horizon()));
    if (target < this.now()) {
      // The latest snapshot before the moment that holds no step recorded at or after it.
      const stepsBefore = this.steps.filter((step) => step.at < target).length;
      const from =
        [...this.checkpoints]
          .reverse()
          .find((checkpoint) => checkpoint.at <= target && checkpoint.steps <= stepsBefore) ?? this.checkpoints[0]!;
      this.session = Session.restore(from.cluster, this.sessionOptions, from.session);
      this.stepsRun = from.steps;
      this.checkpoints = this.checkpoints.slice(0, this.checkpoints.indexOf(from) + 1);
    }
    this.advanceTo(target);
  }

  /**
   * Runs a recorded step again, its clock kept short of `bound`: when it was recorded, the next step (or the end)
   * came after it finished, so a faithful replay never reaches the bound, and a crafted one cannot wait for days.
   */
  private runBefore(steps: ScriptStep[], bound: number): ScriptStepResult[] {
    const cluster = this.session.cluster;
    cluster.limitTime(Math.max(bound, this.now()));
    try {
      return this.runSteps(steps);
    } finally {
      cluster.limitTime(undefined);
    }
  }

  private runSteps(steps: ScriptStep[]): ScriptStepResult[] {
    return steps.map((step) => {
      const time = this.now() - this.start();
      return { command: step.display, time, ...runStep(this.session, step) };
    });
  }

  private dropFuture(): void {
    if (this.steps.length > this.stepsRun) this.stepsRevision++;
    this.steps.length = this.stepsRun;
    this.horizonAt = this.now();
    this.checkpoints = this.checkpoints.filter((checkpoint) => checkpoint.at <= this.now());
  }

  private checkpoint(): void {
    const last = this.checkpoints.at(-1);
    const entry: Checkpoint = {
      at: this.now(),
      steps: this.stepsRun,
      cluster: this.session.cluster.snapshot(),
      session: this.session.saveState(),
    };
    if (last && last.at === entry.at && last.steps === entry.steps)
      this.checkpoints[this.checkpoints.length - 1] = entry;
    else this.checkpoints.push(entry);
    if (this.checkpoints.length > MAX_CHECKPOINTS) this.thinCheckpoints();
  }

  /** Keeps the first and the newest half, and every other one of the older half. */
  private thinCheckpoints(): void {
    const half = Math.floor(this.checkpoints.length / 2);
    const older = this.checkpoints.slice(0, half).filter((_, index) => index === 0 || index % 2 === 0);
    this.checkpoints = [...older, ...this.checkpoints.slice(half)];
  }
}
