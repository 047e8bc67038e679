/**
 * The DaemonSet as its controller reads it (k8s.io/api/apps/v1 types.go), the labels it puts on pods, and its
 * rolling-update budgets (pkg/controller/daemon/util/daemonset_util.go: SurgeCount, UnavailableCount, AllowsSurge).
 */
import type { IDaemonSetSpec } from 'kubernetes-models/apps/v1/DaemonSetSpec';
import { resolveResourceName } from '../../api/resources';
import { labelSelectorFromSpec, type LabelSelector } from '../../api/selectors/labelSelector';
import type { KubeObject } from '../../api/types';
import type { Decision } from '../decisionLog';

/**
 * `DaemonSetStatus`: the four scheduling counts are always written; Go leaves out zero updated, available and
 * unavailable counts (`omitempty`).
 */
export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
}

export type DaemonSet = KubeObject & { spec: IDaemonSetSpec; status?: DaemonSetStatus };

export const DAEMON_SETS = resolveResourceName('daemonsets.apps')!;
export const DAEMON_SET_CONTROLLER_NAME = 'daemonset-controller';

/** apps/v1 DefaultDaemonSetUniqueLabelKey: the hash of the ControllerRevision a pod was made from. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** extensions DaemonSetTemplateGenerationKey: the template generation a pod was made from. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** The annotation the apiserver keeps the template generation in. */
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export function selectorOf(ds: DaemonSet): LabelSelector | undefined {
  const selector = labelSelectorFromSpec(ds.spec.selector);
  return 'error' in selector ? undefined : selector;
}

export function minReadySecondsOf(ds: DaemonSet): number {
  return ds.spec.minReadySeconds ?? 0;
}

/** GetTemplateGeneration: the annotation's value, undefined when missing or not a number. */
export function templateGenerationOf(ds: DaemonSet): string | undefined {
  const value = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return value !== undefined && /^-?\d+$/.test(value) ? value : undefined;
}

/**
 * IsPodUpdated: the pod carries the current revision's hash, or (for pods from before revisions existed) the
 * current template generation.
 */
export function isPodUpdated(pod: KubeObject, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const hashMatches = hash.length > 0 && labels[REVISION_HASH_LABEL] === hash;
  return hashMatches || (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation);
}

/** intstr.GetScaledValueFromIntOrPercent rounding up, as the DaemonSet budgets do (unlike a Deployment's maxUnavailable). */
function scaledUp(value: number | string | undefined, total: number): number {
  if (typeof value === 'number') return value;
  const percent = /^([0-9]+)%$/.exec(value ?? '');
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : 0;
}

function rollingUpdateOf(ds: DaemonSet) {
  return ds.spec.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined;
}

/** SurgeCount: maxSurge of `desired` nodes, 0 unless RollingUpdate. */
export function surgeCount(ds: DaemonSet, desired: number): number {
  const rollingUpdate = rollingUpdateOf(ds);
  return rollingUpdate?.maxSurge === undefined ? 0 : scaledUp(rollingUpdate.maxSurge, desired);
}

/** UnavailableCount: maxUnavailable of `desired` nodes, 0 unless RollingUpdate. */
export function unavailableCount(ds: DaemonSet, desired: number): number {
  const rollingUpdate = rollingUpdateOf(ds);
  return rollingUpdate ? scaledUp(rollingUpdate.maxUnavailable, desired) : 0;
}

/** AllowsSurge: a non-zero maxSurge (evaluated for one node, so any positive percentage counts). */
export function allowsSurge(ds: DaemonSet): boolean {
  return surgeCount(ds, 1) !== 0;
}

/** What a decision is about. */
export function decisionSubject(ds: DaemonSet): Decision['object'] {
  return { kind: 'DaemonSet', namespace: ds.metadata.namespace, name: ds.metadata.name ?? '', uid: ds.metadata.uid };
}
