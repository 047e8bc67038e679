/**
 * One pass of the StatefulSet control loop (stateful_set_control.go: updateStatefulSet, processReplica,
 * processCondemned, runForAll): bring every ordinal in range to a healthy pod, remove the pods above the range,
 * then replace outdated pods from the highest ordinal down. With OrderedReady (`monotonic`) each step waits for the
 * pods before it to be Running and Ready, and the pass stops at the first thing it does or waits for; with Parallel
 * pods are created and deleted in slow-start batches without waiting. Updates go one pod at a time either way.
 */
import type { Pod } from '../../api/kinds';
import type { ControllerContext } from '../controller';
import { slowStartBatch } from '../replicaset/slowStartBatch';
import { createMissingClaims, createStatefulPod, deleteStatefulPod, updateStatefulPod } from './statefulPodControl';
import type { PodControlError } from './statefulPodControl';
import {
  describeUnhealthy,
  identityMatches,
  isInOrdinalRange,
  isRunningAndAvailable,
  isTerminating,
  isUnavailable,
  newVersionedStatefulSetPod,
  ordinalOf,
  podNameOf,
  revisionOf,
  storageMatches,
} from './statefulSetPods';
import { applyRevision, type StatefulSetRevisions } from './statefulSetRevisions';
import { countReplicas, statusOf, type ReplicaCounts } from './statefulSetStatus';
import {
  STATEFUL_SET_CONTROLLER_NAME,
  decisionSubject,
  isOnDelete,
  isParallel,
  minReadySecondsOf,
  partitionOf,
  replicasOf,
  startOrdinalOf,
  type StatefulSet,
  type StatefulSetStatus,
} from './statefulSetTypes';

export interface UpdateResult {
  status: StatefulSetStatus;
  /** A failed write: the sync is retried with backoff. */
  error?: PodControlError;
}

/** What one replica or condemned step did: `exit` ends the pass (monotonic), `error` fails it. */
interface Step {
  exit: boolean;
  error?: PodControlError;
}

const CONTINUE: Step = { exit: false };
const EXIT: Step = { exit: true };

/** The state of one pass, read once at its start. */
class StatefulSetPass {
  private readonly currentSet: StatefulSet;
  private readonly updateSet: StatefulSet;
  private readonly currentName: string;
  private readonly updateName: string;
  private readonly minReadySeconds: number;
  private readonly start: number;
  private readonly monotonic: boolean;
  /** Pods by ordinal − start; undefined where no pod exists yet. */
  private readonly replicas: (Pod | undefined)[];
  /** Pods above the range, highest ordinal first. */
  private readonly condemned: Pod[];
  private readonly firstUnhealthy: Pod | undefined;
  private readonly counts: ReplicaCounts;
  /** Pods created or deleted by this pass in Parallel mode, for one decision. */
  private readonly burst = { created: [] as string[], deleted: [] as string[] };

  constructor(
    private readonly context: ControllerContext,
    private readonly set: StatefulSet,
    private readonly revisions: StatefulSetRevisions,
    pods: readonly Pod[],
    private readonly now: number,
  ) {
    this.currentSet = applyRevision(set, revisions.current);
    this.updateSet = applyRevision(set, revisions.update);
    this.currentName = revisions.current.metadata.name ?? '';
    this.updateName = revisions.update.metadata.name ?? '';
    this.minReadySeconds = minReadySecondsOf(set);
    this.start = startOrdinalOf(set);
    this.monotonic = !isParallel(set);
    this.replicas = new Array<Pod | undefined>(replicasOf(set)).fill(undefined);
    this.condemned = [];
    for (const pod of pods) {
      if (isInOrdinalRange(set, pod)) this.replicas[ordinalOf(pod) - this.start] = pod;
      else if (ordinalOf(pod) >= 0) this.condemned.push(pod);
    }
    this.condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
    // The first unhealthy pod: the lowest unavailable replica, else the lowest unavailable condemned pod.
    const unavailableReplica = this.replicas.findIndex((pod) => isUnavailable(pod, this.minReadySeconds, now));
    this.firstUnhealthy =
      unavailableReplica >= 0
        ? this.replicas[unavailableReplica]
        : [...this.condemned].reverse().find((pod) => isUnavailable(pod, this.minReadySeconds, now));
    this.counts = countReplicas(
      [...this.replicas.filter((pod): pod is Pod => pod !== undefined), ...this.condemned],
      this.minReadySeconds,
      this.currentName,
      this.updateName,
      now,
    );
  }

  status(): StatefulSetStatus {
    return statusOf(this.set, this.counts, this.currentName, this.updateName, this.revisions.collisionCount);
  }

  /** updateStatefulSet after the split; returns the first failed write. */
  run(): PodControlError | undefined {
    const error = this.runSteps();
    this.explainBurst();
    return error;
  }

  /** Replicas, then condemned pods, then the rolling update. */
  private runSteps(): PodControlError | undefined {
    const replicaRun = this.runForAll(this.replicas.length, (i) => this.processReplica(i));
    if (replicaRun.exit) return replicaRun.error;
    const condemnedRun = this.runForAll(this.condemned.length, (i) => this.processCondemned(i));
    if (condemnedRun.exit) return condemnedRun.error;
    if (isOnDelete(this.set)) {
      this.explainOnDelete();
      return undefined;
    }
    return this.rollingUpdate();
  }

  /** runForAll: in order until a step exits (monotonic), or in slow-start batches (Parallel). */
  private runForAll(count: number, step: (i: number) => Step): Step {
    if (this.monotonic) {
      for (let i = 0; i < count; i++) {
        const result = step(i);
        if (result.exit || result.error) return { exit: true, error: result.error };
      }
      return CONTINUE;
    }
    let next = 0;
    const batches = slowStartBatch(count, 1, () => step(next++).error);
    if (batches.error) return { exit: true, error: batches.error };
    return CONTINUE;
  }

  private plannedPod(index: number): Pod {
    return newVersionedStatefulSetPod(
      this.currentSet,
      this.updateSet,
      this.currentName,
      this.updateName,
      this.start + index,
    );
  }

  /** processReplica. */
  private processReplica(index: number): Step {
    const pod = this.replicas[index];
    if (!pod) return this.createReplica(index);
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') {
      if (isTerminating(pod)) return EXIT;
      const error = deleteStatefulPod(this.context, this.set, pod);
      this.record(
        `${pod.metadata.name} has phase ${phase}: deleting it; a new ${pod.metadata.name} is created once the old ` +
          `one is gone`,
      );
      return { exit: true, error };
    }
    if (phase === 'Pending') {
      const error = createMissingClaims(this.context, this.set, pod);
      if (error) return { exit: true, error };
    }
    if (this.monotonic && (isTerminating(pod) || !isRunningAndAvailable(pod, this.minReadySeconds, this.now))) {
      this.explainBlockedBy(index, pod);
      return EXIT;
    }
    if (identityMatches(this.set, pod) && storageMatches(this.set, pod)) return CONTINUE;
    const error = updateStatefulPod(this.context, this.set, pod);
    if (!error) this.record(`${pod.metadata.name} lost part of its identity (labels or claim volumes): restored it`);
    return error ? { exit: true, error } : CONTINUE;
  }

  /** A missing ordinal: its claims and pod, at the revision newVersionedStatefulSetPod picks. */
  private createReplica(index: number): Step {
    const pod = this.plannedPod(index);
    const error = createStatefulPod(this.context, this.set, pod);
    if (error) return { exit: true, error };
    if (!this.monotonic) {
      this.burst.created.push(pod.metadata.name);
      return CONTINUE;
    }
    this.record(
      `created ${pod.metadata.name} ${this.revisionReason(pod)} (OrderedReady: one pod at a time, lowest ` +
        `missing ordinal first, each after the ones below it are Running and Ready)`,
    );
    return EXIT;
  }

  /** Which revision a new pod got, and why. */
  private revisionReason(pod: Pod): string {
    const revision = revisionOf(pod);
    if (this.currentName === this.updateName) return `at revision ${revision}`;
    if (revision === this.updateName) return `at the update revision ${revision}`;
    return (
      `at the current revision ${revision}: ordinal ${ordinalOf(pod)} is below partition ` +
      `${partitionOf(this.set)}, so it keeps the old template`
    );
  }

  /** processCondemned. */
  private processCondemned(index: number): Step {
    const pod = this.condemned[index]!;
    const next = this.condemned[index + 1]?.metadata.name;
    if (isTerminating(pod)) {
      if (!this.monotonic) return CONTINUE;
      this.wait(
        `scale down to ${replicasOf(this.set)} waits: ${pod.metadata.name} is terminating` +
          (next ? `; ${next} is deleted only after it is gone` : ''),
      );
      return EXIT;
    }
    if (this.monotonic && pod !== this.firstUnhealthy && !isRunningAndAvailable(pod, this.minReadySeconds, this.now)) {
      this.wait(
        `scale down to ${replicasOf(this.set)} waits: ${describeUnhealthy(pod, this.minReadySeconds, this.now)}, ` +
          `and only the lowest unhealthy pod (${this.firstUnhealthy?.metadata.name}) may be deleted while unhealthy`,
      );
      return EXIT;
    }
    const error = deleteStatefulPod(this.context, this.set, pod);
    if (!this.monotonic) this.burst.deleted.push(pod.metadata.name);
    else
      this.record(
        `scaling down to ${replicasOf(this.set)}: deleting ${pod.metadata.name}, the highest ordinal out of range` +
          (next ? `; ${next} is deleted only after ${pod.metadata.name} is gone (OrderedReady)` : ''),
      );
    return { exit: true, error };
  }

  /** The rolling update: the highest outdated pod in [partition, replicas) is deleted, one per pass. */
  private rollingUpdate(): PodControlError | undefined {
    const updateMin = this.set.spec.updateStrategy?.rollingUpdate ? partitionOf(this.set) : 0;
    for (let target = this.replicas.length - 1; target >= updateMin; target--) {
      const pod = this.replicas[target];
      if (!pod) return undefined;
      if (revisionOf(pod) !== this.updateName && !isTerminating(pod)) {
        const error = deleteStatefulPod(this.context, this.set, pod);
        this.counts.currentReplicas--;
        this.record(
          `rolling update: deleting ${pod.metadata.name} (revision ${revisionOf(pod)}) so it is recreated at the ` +
            `update revision ${this.updateName}; pods are replaced one at a time from the highest ordinal down` +
            (updateMin > 0 ? ` to ${podNameOf(this.set, this.start + updateMin)} (partition ${updateMin})` : ''),
        );
        return error;
      }
      if (isUnavailable(pod, this.minReadySeconds, this.now)) {
        const waiting = this.outdatedBelow(target, updateMin);
        if (waiting)
          this.wait(
            `rolling update waits: ${describeUnhealthy(pod, this.minReadySeconds, this.now)}; ${waiting} is ` +
              `updated only after it`,
          );
        return undefined;
      }
    }
    this.explainPartition(updateMin);
    return undefined;
  }

  /** The next pod below `target` (down to `updateMin`) that still runs an old revision. */
  private outdatedBelow(target: number, updateMin: number): string | undefined {
    for (let i = target - 1; i >= updateMin; i--) {
      const pod = this.replicas[i];
      if (pod && revisionOf(pod) !== this.updateName) return pod.metadata.name;
    }
    return undefined;
  }

  /** OrderedReady stopped at replica `index`: say what waits for it, and how a broken pod is unblocked. */
  private explainBlockedBy(index: number, pod: Pod): void {
    const why = describeUnhealthy(pod, this.minReadySeconds, this.now);
    const missing = this.replicas.findIndex((p, i) => i > index && p === undefined);
    if (missing >= 0) {
      this.wait(`${podNameOf(this.set, this.start + missing)} waits: ${why}`);
      return;
    }
    if (this.condemned.length > 0) {
      this.wait(`scale down to ${replicasOf(this.set)} waits: ${why} (OrderedReady)`);
      return;
    }
    if (isOnDelete(this.set) || isTerminating(pod)) return;
    const stale = revisionOf(pod) !== this.updateName;
    if (stale && ordinalOf(pod) >= this.start + partitionOf(this.set)) {
      this.wait(
        `${why}: it runs revision ${revisionOf(pod)}, not the update revision ${this.updateName}, and OrderedReady ` +
          `waits for it before anything else, so the rolling update cannot replace it. If it never becomes ready ` +
          `(a broken template), delete it by hand (kubectl delete pod ${pod.metadata.name}) and it is recreated ` +
          `from ${this.updateName}`,
      );
      return;
    }
    const outdated = this.outdatedBelow(this.replicas.length, partitionOf(this.set));
    if (outdated) this.wait(`rolling update waits: ${why}; ${outdated} is updated only after it is`);
  }

  /** Parallel: one decision for the pods created and deleted at once. */
  private explainBurst(): void {
    const { created, deleted } = this.burst;
    if (created.length > 0)
      this.record(`Parallel: created ${created.join(', ')} at once, without waiting for any pod to be ready`);
    if (deleted.length > 0)
      this.record(`Parallel: deleting ${deleted.join(', ')} at once to scale down to ${replicasOf(this.set)}`);
  }

  /** A partition holds some ordinals at the current revision. */
  private explainPartition(updateMin: number): void {
    const held = this.replicas
      .slice(0, updateMin)
      .filter((pod): pod is Pod => pod !== undefined && revisionOf(pod) !== this.updateName);
    if (held.length === 0) return;
    this.wait(
      `partition ${updateMin}: ${held.map((p) => p.metadata.name).join(', ')} keep revision ` +
        `${revisionOf(held[0]!)}; only ordinals ${this.start + updateMin} and up are updated to ${this.updateName}`,
    );
  }

  /** OnDelete: outdated pods are replaced only when someone deletes them. */
  private explainOnDelete(): void {
    const outdated = this.replicas.filter((pod): pod is Pod => !!pod && revisionOf(pod) !== this.updateName);
    if (outdated.length === 0) return;
    this.wait(
      `OnDelete: ${outdated.map((p) => p.metadata.name).join(', ')} keep their old revision; each is recreated ` +
        `from the update revision ${this.updateName} only when you delete it`,
    );
  }

  private record(text: string): void {
    this.context.decisions.record(STATEFUL_SET_CONTROLLER_NAME, decisionSubject(this.set), text);
  }

  /** A waiting decision is repeated on every sync while it lasts; log it once. */
  private wait(text: string): void {
    this.context.decisions.recordUnlessRepeated(STATEFUL_SET_CONTROLLER_NAME, decisionSubject(this.set), text);
  }
}

/**
 * updateStatefulSet: one pass over the set's pods at `revisions`; returns the status to write (counted from the
 * pods as they were at the start, less the pod an update deleted) and the first failed write.
 */
export function updateStatefulSet(
  context: ControllerContext,
  set: StatefulSet,
  revisions: StatefulSetRevisions,
  pods: readonly Pod[],
  now: number,
): UpdateResult {
  const pass = new StatefulSetPass(context, set, revisions, pods, now);
  // A set being deleted only reports status; the garbage collector removes its pods.
  if (set.metadata.deletionTimestamp) return { status: pass.status() };
  const error = pass.run();
  return { status: pass.status(), ...(error ? { error } : {}) };
}
