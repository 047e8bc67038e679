/** The `kubectl.kubernetes.io/last-applied-configuration` annotation (`KC:pkg/util/apply.go:GetModifiedConfiguration`). */
import type { KubeObject } from '../../api/types';
import { toCompactJson } from '../printers/serialize';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object as `kubectl apply` sends it: its JSON without the annotation (annotations `{}` if it had none), stored
 * in the annotation as compact JSON with a trailing newline (json.Encoder's).
 */
export function withLastApplied(object: KubeObject): KubeObject {
  const { [LAST_APPLIED_ANNOTATION]: _previous, ...annotations } = object.metadata.annotations ?? {};
  const bare: KubeObject = { ...object, metadata: { ...object.metadata, annotations } };
  const lastApplied = `${toCompactJson(bare)}\n`;
  return {
    ...bare,
    metadata: { ...bare.metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: lastApplied } },
  };
}

/** The parsed last-applied configuration of a live object, if it has one. */
export function readLastApplied(live: KubeObject): Record<string, unknown> | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!text) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
