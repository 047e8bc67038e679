/**
 * The scale subresource as the HPA controller reaches it (horizontal.go: RESTMappings + scaleForResourceMappings,
 * client-go/scale): the target's group and kind are mapped to a resource, which must have a `/scale` subresource
 * (Deployments, ReplicaSets, StatefulSets, ReplicationControllers); the scale carries spec.replicas, status.replicas
 * and the selector as a string. An update of the scale sets the target's spec.replicas.
 */
import type { ApiClient, KubeObject, ResourceType } from '../../api/types';
import { formatLabelSelector, labelSelectorFromSpec, type LabelSelectorSpec } from '../../api/selectors/labelSelector';

/** The resources with a scale subresource, by group/plural. */
const SCALABLE = ['apps/deployments', 'apps/replicasets', 'apps/statefulsets', '/replicationcontrollers'];

export interface Scale {
  resource: ResourceType;
  /** The target object as read; an update starts from it. */
  object: KubeObject;
  specReplicas: number;
  statusReplicas: number;
  /** status.selector of the scale: '' when the target has none. */
  selector: string;
}

export type ScaleResult = { ok: true; scale: Scale } | { ok: false; error: string };

interface ScalableSpec {
  replicas?: number;
  selector?: LabelSelectorSpec | Record<string, string> | null;
}

/** schema.ParseGroupVersion: '' is the empty version, `v1` the core group, more than one `/` an error. */
function parseGroupVersion(apiVersion: string): { group: string } | { error: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '' };
  if (parts.length === 2) return { group: parts[0]! };
  return { error: `unexpected GroupVersion string: ${apiVersion}` };
}

/** The scale's selector string: a label selector's, or a ReplicationController's map as `k=v,…`. */
function selectorOf(resource: ResourceType, spec: ScalableSpec): string {
  if (!spec.selector) return '';
  if (resource.kind === 'ReplicationController') {
    const map = spec.selector as Record<string, string>;
    return Object.keys(map)
      .sort()
      .map((k) => `${k}=${map[k]}`)
      .join(',');
  }
  const parsed = labelSelectorFromSpec(spec.selector as LabelSelectorSpec);
  return 'error' in parsed ? '' : formatLabelSelector(parsed);
}

/** Reads the scale of `ref` in `namespace`, with the error texts the controller reports. */
export function getScale(
  api: ApiClient,
  namespace: string,
  ref: { apiVersion?: string; kind: string; name: string },
): ScaleResult {
  const gv = parseGroupVersion(ref.apiVersion ?? '');
  if ('error' in gv) return { ok: false, error: gv.error };
  const mapping = api.resources().find((r) => r.group === gv.group && r.kind === ref.kind);
  if (!mapping) return { ok: false, error: `no matches for kind "${ref.kind}" in group "${gv.group}"` };
  if (!SCALABLE.includes(`${mapping.group}/${mapping.plural}`)) {
    const gvr = `${mapping.group}/${mapping.version}, Resource=${mapping.plural}`;
    return {
      ok: false,
      error: `could not find proper group-version for scale subresource of ${gvr}: could not find scale subresource for ${gvr} in discovery information`,
    };
  }
  const got = api.get(mapping, namespace, ref.name);
  if (!got.ok) return { ok: false, error: got.error.message };
  const spec = (got.value.spec ?? {}) as ScalableSpec;
  const status = (got.value.status ?? {}) as { replicas?: number };
  return {
    ok: true,
    scale: {
      resource: mapping,
      object: got.value,
      specReplicas: spec.replicas ?? 0,
      statusReplicas: status.replicas ?? 0,
      selector: selectorOf(mapping, spec),
    },
  };
}

/** Updates the scale to `replicas`; returns the error message on failure. */
export function updateScale(api: ApiClient, scale: Scale, replicas: number): string | undefined {
  const object = structuredClone(scale.object);
  object.spec = { ...(object.spec as object), replicas };
  const updated = api.update(object);
  return updated.ok ? undefined : updated.error.message;
}
