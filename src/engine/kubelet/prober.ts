/**
 * Probe workers (pkg/kubelet/prober/worker.go, prober.go, prober_manager.go): one per container and probe type,
 * ticking every periodSeconds from when the kubelet took the pod; probes wait for initialDelaySeconds after the
 * container started, liveness and readiness wait for the startup probe, results change only after
 * failureThreshold / successThreshold outcomes in a row, and each failure is an `Unhealthy` event.
 */
import type { Container, Pod, Probe } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { NetworkStack } from '../os/types';
import type { Task } from '../runtime/taskQueue';
import { EXEC_POLL_MS, checkExec, startExec, type ExecOutcome } from './execInContainer';
import { specOf, type KubeletContext } from './kubeletContext';
import { execProbeOutcome, runNetworkProbe, type ProbeOutcome } from './probeExecution';
import type { ContainerWorkerState, ExecInFlight, PodWorkerState, ProbeType, ProbeWorkerState } from './workerState';

const TASK = {
  tick: 'kubelet/probe-tick',
  exec: 'kubelet/probe-exec',
  done: 'kubelet/probe-done',
} as const;

interface ProbeRef {
  uid: string;
  container: string;
  type: ProbeType;
  containerId: string;
}

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;

const LABEL: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };
/** What a probe made to fail by `kubeplay probe fail` reports (KubeletState.probeFailures), in place of running. */
const INJECTED_FAILURE: ProbeOutcome = { verdict: 'failure', output: 'probe failure injected by kubeplay' };

/** What the prober asks of the pod worker. */
export interface ProberHooks {
  /** A liveness or startup probe reached its failure threshold: kill the container. */
  killForProbe(uid: string, container: string, type: 'liveness' | 'startup'): void;
  /** Ready or started changed: the kubelet writes the status and syncs the pod (kubelet.go handleProbeSync). */
  resultChanged(uid: string): void;
}

/**
 * Everything a probe worker looks up on each tick: its pod worker, container worker and probe worker state, and what
 * it reads from the API objects (derived data, rebuilt after a restore). The state objects hold while the kubelet's
 * structure count stays the same, the API objects while the API server stored no pod or node.
 */
interface ProbePlan {
  worker: PodWorkerState;
  state: ContainerWorkerState;
  probeState: ProbeWorkerState;
  /** The kubelet structure count when the worker states were last checked. */
  structure: number;
  revision: number;
  pod: Pod;
  container: Container;
  probe: Probe;
  /** The node's network, for httpGet, tcpSocket and grpc probes. */
  net?: NetworkStack;
}

export class Prober {
  /** container instance id → probe type → plan, as of the kubelet structure count `plansStructure`. */
  private readonly plans = new Map<string, Partial<Record<ProbeType, ProbePlan>>>();
  private plansStructure = -1;
  /** Plans left after the last clean-up. */
  private plansKept = 0;

  constructor(
    private readonly ctx: KubeletContext,
    private readonly hooks: ProberHooks,
  ) {
    ctx.runtime.on(TASK.tick, (task) => this.tick(task.payload as ProbeRef & { manual?: boolean }));
    ctx.runtime.on(TASK.exec, (task) => this.pollExec(task));
    ctx.runtime.on(TASK.done, (task) => {
      const payload = task.payload as ProbeRef & { outcome: ProbeOutcome };
      this.finish(payload, payload.outcome);
    });
  }

  /**
   * Fresh probe workers for a container instance whose running state the kubelet now reports. Initial results
   * (worker.go): readiness Failure, liveness Success, startup Unknown.
   */
  startWorkers(worker: PodWorkerState, container: Container, state: ContainerWorkerState): void {
    const containerId = state.containerId!;
    state.probes = {};
    this.ctx.structure++;
    for (const type of ['startup', 'liveness', 'readiness'] as const) {
      const probe = probeOf(container, type);
      if (!probe) continue;
      state.probes[type] = {
        containerId,
        result: type === 'readiness' ? 'Failure' : type === 'liveness' ? 'Success' : 'Unknown',
        resultRun: 0,
      };
      // The worker's ticker started when the kubelet took the pod; ticks keep that phase across restarts.
      const period = periodMs(probe);
      const now = this.ctx.runtime.now();
      const next = worker.startTime + Math.ceil((now - worker.startTime) / period) * period;
      this.ctx.runtime.at(next, TASK.tick, { uid: worker.uid, container: container.name, type, containerId });
    }
  }

  /**
   * prober_manager.go UpdatePodStatus: each status update of a container not yet ready triggers its readiness
   * probe at once, outside the ticker.
   */
  triggerReadiness(worker: PodWorkerState, state: ContainerWorkerState, delayMs: number): void {
    const probeState = state.probes.readiness;
    if (!probeState || probeState.result === 'Success') return;
    const ref: ProbeRef = {
      uid: worker.uid,
      container: state.name,
      type: 'readiness',
      containerId: probeState.containerId,
    };
    this.ctx.runtime.after(delayMs, TASK.tick, { ...ref, manual: true });
  }

  /** The worker's state and what it probes; undefined once the pod, container instance or probe is gone. */
  private lookup(ref: ProbeRef): ProbePlan | undefined {
    const { ctx } = this;
    if (this.plansStructure !== ctx.structure) {
      this.plansStructure = ctx.structure;
      // Plans of containers that stopped being probed pile up: drop the outdated ones now and then.
      if (this.plans.size > 2 * this.plansKept + 64) this.dropOutdatedPlans();
    }
    let plans = this.plans.get(ref.containerId);
    let plan = plans?.[ref.type];
    if (plan && plan.structure !== ctx.structure) {
      // The worker states changed somewhere: this plan still holds if its own objects are still the current ones.
      if (this.isCurrent(plan, ref.uid, ref.container, ref.type)) plan.structure = ctx.structure;
      else {
        delete plans![ref.type];
        plan = undefined;
      }
    }
    if (!plan) {
      const worker = ctx.state.pods[ref.uid];
      if (!worker) return undefined;
      // Reading the revision lets the API server expire Events first, as the pod lookup below would.
      const revision = this.revision();
      const state = worker.containers[ref.container];
      const probeState = state?.probes[ref.type];
      const pod = ctx.findPod(worker);
      const spec = pod && this.specFor(pod, worker, ref);
      if (!state || !probeState || !pod || !spec) return undefined;
      plan = { worker, state, probeState, structure: ctx.structure, revision, pod, ...spec };
      if (!plans) this.plans.set(ref.containerId, (plans = {}));
      plans[ref.type] = plan;
    } else {
      // A plan means the pod worker exists; its pod is looked up again only after the API server stored a pod or
      // a node (what the plan reads).
      const revision = this.revision();
      if (plan.revision !== revision) {
        const pod = ctx.findPod(plan.worker);
        const spec = pod && this.specFor(pod, plan.worker, ref);
        if (!pod || !spec) return undefined;
        plan.revision = revision;
        plan.pod = pod;
        plan.container = spec.container;
        plan.probe = spec.probe;
        plan.net = spec.net;
      }
    }
    if (plan.probeState.containerId !== ref.containerId || plan.state.containerId !== ref.containerId) return undefined;
    return plan;
  }

  /** Whether a plan's worker states are those the kubelet has now for that pod, container and probe. */
  private isCurrent(plan: ProbePlan, uid: string, container: string, type: ProbeType): boolean {
    const worker = this.ctx.state.pods[uid];
    return (
      worker === plan.worker &&
      worker.containers[container] === plan.state &&
      plan.state.probes[type] === plan.probeState
    );
  }

  private dropOutdatedPlans(): void {
    for (const [containerId, plans] of this.plans) {
      for (const type of ['startup', 'liveness', 'readiness'] as const) {
        const plan = plans[type];
        if (
          plan &&
          !(plan.probeState.containerId === containerId && this.isCurrent(plan, plan.worker.uid, plan.state.name, type))
        )
          delete plans[type];
      }
      if (!plans.startup && !plans.liveness && !plans.readiness) this.plans.delete(containerId);
    }
    this.plansKept = this.plans.size;
  }

  /** A number that changes with every stored change to a pod or a node. */
  private revision(): number {
    return this.ctx.api.resourceRevision(PODS) + this.ctx.api.resourceRevision(NODES);
  }

  /** The container and probe a worker runs, and the node network for a network probe. */
  private specFor(pod: Pod, worker: PodWorkerState, ref: ProbeRef) {
    const container = specOf(pod, ref.container);
    const probe = container && probeOf(container, ref.type);
    if (!container || !probe) return undefined;
    return { container, probe, net: probe.exec ? undefined : this.ctx.nodeNet(worker.node) };
  }

  /** worker.go doProbe. */
  private tick(ref: ProbeRef & { manual?: boolean }): void {
    const found = this.lookup(ref);
    if (!found) return;
    const { pod, state, probeState, container, probe } = found;
    // A dead container's worker stops (its replacement gets new ones); liveness and startup also stop once the
    // pod is being deleted, readiness goes on during termination.
    if (state.runningSince === undefined) return;
    if (this.ctx.containers.container(ref.containerId)?.state !== 'running') return;
    if (pod.metadata.deletionTimestamp && ref.type !== 'readiness') return;
    // The next tick carries the same reference (this task has left the queue, so nothing else holds it).
    if (!ref.manual) this.ctx.runtime.after(periodMs(probe), TASK.tick, ref);
    // While postStart runs the kubelet still reports the container as being created: probes wait.
    if (state.postStart) return;
    if (probeState.onHold || probeState.inFlight) return;
    const now = this.ctx.runtime.now();
    if (Math.floor((now - state.runningSince) / 1000) < (probe.initialDelaySeconds ?? 0)) return;
    // Startup stops once it passed; the others wait for it (worker.go: `if c.Started != nil && *c.Started`).
    if (ref.type === 'startup' ? state.started : !state.started) return;
    if (ref.type === 'readiness' && ref.manual && probeState.result === 'Success') return;
    this.runProbe(ref, probe, probeState, container, found.net);
  }

  private runProbe(
    ref: ProbeRef,
    probe: Probe,
    probeState: ProbeWorkerState,
    container: Container,
    net: NetworkStack | undefined,
  ): void {
    const { ctx } = this;
    const timeoutSeconds = probe.timeoutSeconds ?? 1;
    const { uid, container: name, type, containerId } = ref;
    if (ctx.state.probeFailures?.[uid]?.[name]?.includes(type)) {
      this.finish({ uid, container: name, type, containerId }, INJECTED_FAILURE);
      return;
    }
    if (probe.exec) {
      const plain = { uid, container: name, type, containerId };
      const argv = probe.exec.command ?? [];
      const started = startExec(
        ctx.kernel,
        ctx.containers,
        ref.containerId,
        argv,
        () => ctx.newExecId(),
        ctx.runtime.now() + timeoutSeconds * 1000,
      );
      if ('done' in started) {
        this.finish(plain, execProbeOutcome(started.done, argv, timeoutSeconds));
        return;
      }
      probeState.inFlight = true;
      ctx.runtime.after(EXEC_POLL_MS, TASK.exec, { ...plain, exec: started.running, timeoutSeconds });
      return;
    }
    const sandbox = ctx.containers.sandbox(ref.uid);
    const outcome = runNetworkProbe(probe, { podIp: sandbox?.ip ?? '', container, net: net! });
    probeState.inFlight = true;
    const result: ProbeOutcome = { verdict: outcome.verdict, output: outcome.output };
    ctx.runtime.after(outcome.afterMs, TASK.done, { uid, container: name, type, containerId, outcome: result });
  }

  private pollExec(task: Task): void {
    const { exec, timeoutSeconds, ...ref } = task.payload as ProbeRef & { exec: ExecInFlight; timeoutSeconds: number };
    const outcome: ExecOutcome | undefined = checkExec(this.ctx.kernel, exec, this.ctx.runtime.now());
    if (!outcome) {
      this.ctx.runtime.after(EXEC_POLL_MS, TASK.exec, task.payload);
      return;
    }
    this.finish(ref, execProbeOutcome(outcome, exec.argv, timeoutSeconds));
  }

  /** prober.go probe (event) and worker.go doProbe (thresholds, result). */
  private finish(ref: ProbeRef, outcome: ProbeOutcome): void {
    const found = this.lookup(ref);
    if (!found) return;
    const { pod, state, probeState, probe } = found;
    delete probeState.inFlight;
    const { ctx } = this;
    // The container died meanwhile, or the pod is being deleted: the outcome no longer matters.
    if (state.runningSince === undefined || ctx.containers.container(ref.containerId)?.state !== 'running') return;
    if (pod.metadata.deletionTimestamp && ref.type !== 'readiness') return;
    const label = LABEL[ref.type];
    const time = ctx.runtime.now();
    const success = outcome.verdict === 'success' || outcome.verdict === 'warning';
    // Updated in place: nothing else holds it, and steady probing then leaves no garbage behind.
    const last = probeState.lastOutcome;
    if (last) {
      last.time = time;
      last.success = success;
      last.output = outcome.output;
    } else probeState.lastOutcome = { time, success, output: outcome.output };
    if (outcome.verdict === 'error') {
      // A probe that could not run leaves the result as it was.
      ctx.record(
        pod,
        'Warning',
        'Unhealthy',
        `${label} probe errored and resulted in unknown state: ${outcome.output}`,
        ref.container,
      );
      return;
    }
    if (outcome.verdict === 'failure')
      ctx.record(pod, 'Warning', 'Unhealthy', `${label} probe failed: ${outcome.output}`, ref.container);
    if (outcome.verdict === 'warning')
      ctx.record(pod, 'Warning', 'ProbeWarning', `${label} probe warning: ${outcome.output}`, ref.container);
    const result = outcome.verdict === 'failure' ? 'Failure' : 'Success';
    this.count(probeState, result);
    const threshold = result === 'Failure' ? (probe.failureThreshold ?? 3) : (probe.successThreshold ?? 1);
    if (probeState.resultRun < threshold) return;
    const changed = probeState.result !== result;
    probeState.result = result;
    if (result === 'Failure' && ref.type !== 'readiness') {
      // Stop probing this container: it is about to be killed.
      probeState.onHold = true;
      probeState.resultRun = 0;
      this.hooks.killForProbe(ref.uid, ref.container, ref.type);
      return;
    }
    if (!changed) return;
    if (ref.type === 'startup') {
      state.started = true;
      if (!state.probes.readiness) state.ready = true;
      this.triggerReadiness(found.worker, state, 0);
    } else if (ref.type === 'readiness') {
      state.ready = result === 'Success';
    }
    this.hooks.resultChanged(ref.uid);
  }

  private count(probeState: ProbeWorkerState, result: 'Success' | 'Failure'): void {
    if (probeState.lastResult === result) probeState.resultRun++;
    else {
      probeState.lastResult = result;
      probeState.resultRun = 1;
    }
  }
}

/** A container's probe of one type. */
export function probeOf(container: Container, type: ProbeType): Probe | undefined {
  if (type === 'liveness') return container.livenessProbe;
  if (type === 'readiness') return container.readinessProbe;
  return container.startupProbe;
}

function periodMs(probe: Probe): number {
  return (probe.periodSeconds ?? 10) * 1000;
}
