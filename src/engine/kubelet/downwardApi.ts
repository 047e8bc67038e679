/**
 * Container resources through the Downward API (pkg/api/v1/resource/helpers.go ExtractContainerResourceValue,
 * pkg/kubelet/kubelet_resources.go): `limits.cpu`, `requests.memory`… of a container, divided by the divisor and
 * rounded up; a limit the container does not set is the node's allocatable amount.
 */
import type { Container, Node, Pod } from '../api/kinds';
import { parseQuantity, quantityToMilli, quantityValue } from '../api/quantity/quantity';

export interface ResourceFieldRef {
  containerName?: string;
  resource: string;
  divisor?: string | number;
}

/** The value the kubelet writes for a resourceFieldRef, or undefined for an unknown resource or container. */
export function resourceFieldValue(
  pod: Pod,
  container: Container,
  ref: ResourceFieldRef,
  node: Node | undefined,
): string | undefined {
  const target = ref.containerName ? pod.spec.containers.find((c) => c.name === ref.containerName) : container;
  const match = /^(limits|requests)\.(cpu|memory|ephemeral-storage)$/.exec(ref.resource);
  if (!target || !match) return undefined;
  const [, kind, resource] = match as unknown as [string, 'limits' | 'requests', string];
  const own = target.resources?.[kind]?.[resource];
  const fallback = kind === 'limits' ? node?.status?.allocatable?.[resource] : undefined;
  const text = String(own ?? fallback ?? '0');
  const quantity = parseQuantity(text);
  const divisor = parseQuantity(String(ref.divisor ?? '1'));
  if (!quantity.ok || !divisor.ok) return undefined;
  if (resource === 'cpu') {
    const divisorMilli = quantityToMilli(divisor.value);
    return String(Math.ceil(quantityToMilli(quantity.value) / (divisorMilli || 1000)));
  }
  const divisorValue = quantityValue(divisor.value);
  return String(Math.ceil(quantityValue(quantity.value) / (divisorValue || 1)));
}

/** `fieldpath.ExtractFieldPathAsString` for the metadata fields a downward API volume may name. */
function fieldValue(pod: Pod, fieldPath: string): string | undefined {
  const meta = pod.metadata;
  const one = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (one) return (one[1] === 'labels' ? meta.labels : meta.annotations)?.[one[2]!] ?? '';
  const pairs = (map: Record<string, string> | undefined) =>
    Object.keys(map ?? {})
      .sort()
      .map((key) => `${key}="${map![key]}"`)
      .join('\n');
  switch (fieldPath) {
    case 'metadata.namespace':
      return meta.namespace;
    case 'metadata.name':
      return meta.name;
    case 'metadata.uid':
      return meta.uid;
    case 'metadata.labels':
      return pairs(meta.labels);
    case 'metadata.annotations':
      return pairs(meta.annotations);
    default:
      return undefined;
  }
}

export interface DownwardApiItem {
  path: string;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: ResourceFieldRef;
}

/** The files of downward API items (a downwardAPI volume, or a projected volume's downwardAPI source). */
export function downwardApiFiles(
  pod: Pod,
  container: Container,
  items: readonly DownwardApiItem[],
  node: Node | undefined,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const item of items) {
    const value = item.fieldRef
      ? fieldValue(pod, item.fieldRef.fieldPath)
      : item.resourceFieldRef
        ? resourceFieldValue(pod, container, item.resourceFieldRef, node)
        : undefined;
    if (value !== undefined) files[item.path] = value;
  }
  return files;
}
