/**
 * What kube-apiserver fills in before validation: the scheme defaults of every served kind, the fields the
 * registry strategies add, and for Pods the stateless admission plugins. Allocations that need cluster state
 * (ClusterIPs, node ports, the service-account token volume, generated names) are the caller's.
 */
import type { KubeObject } from '../types';
import { admitPodSpec } from './admitPod';
import { defaultCore } from './defaultCore';
import { defaultPodSpec } from './defaultPodSpec';
import { defaultWorkload } from './defaultWorkload';
import { childObject, sortKeysDeep, type JsonObject } from './objects';
import { cloneJson } from '../../runtime/cloneJson';

function defaultPod(pod: JsonObject): void {
  const spec = childObject(pod, 'spec');
  if (!spec) return;
  defaultPodSpec(spec, true);
  // ServiceAccount admission acts on create only; an object that was never stored has neither uid nor version.
  const metadata = childObject(pod, 'metadata');
  admitPodSpec(spec, !metadata?.uid && !metadata?.resourceVersion);
}

/**
 * Returns a defaulted copy of `obj` with its keys sorted as kubectl prints them. Pods get the admission-time
 * additions too (priority, preemptionPolicy, the not-ready/unreachable tolerations and, on create, the `default`
 * service account); Jobs get their generated selector once `metadata.uid` is set.
 */
export function applyDefaults(obj: KubeObject): KubeObject {
  const copy = cloneJson(obj) as JsonObject;
  if (copy.apiVersion === 'v1' && copy.kind === 'Pod') defaultPod(copy);
  else if (!defaultWorkload(copy)) defaultCore(copy);
  return sortKeysDeep(copy) as KubeObject;
}
