/**
 * Why a pod was evicted, as the kubelet words it in the pod's status and its `Evicted` event
 * (pkg/kubelet/eviction/helpers.go evictionMessage): the starved resource, the threshold and what was available,
 * then each container using more than it requests. Every sentence ends with a space, the last one too.
 */
import type { Container, Pod } from '../../api/kinds';
import { formatQuantity, newQuantity, parseQuantity, quantityValue } from '../../api/quantity/quantity';

/** A container's working set as the kubelet's stats report it. */
export interface ContainerMemoryUsage {
  name: string;
  workingSetBytes: number;
}

/** Bytes as a BinarySI quantity prints them (`100Mi`, `81920Ki`, `1536`). */
export function formatBytes(bytes: number): string {
  return formatQuantity(newQuantity(bytes, 'BinarySI'));
}

/** The container's memory request as written (`64Mi`); `0` when it requests none. */
function requestText(container: Container): { text: string; bytes: number } {
  const request = container.resources?.requests?.memory;
  const parsed = request === undefined ? undefined : parseQuantity(String(request));
  if (!parsed?.ok) return { text: '0', bytes: 0 };
  return { text: formatQuantity(parsed.value), bytes: quantityValue(parsed.value) };
}

/** The message for a pod evicted for memory, with the threshold and the bytes available when it was met. */
export function memoryEvictionMessage(
  pod: Pod,
  containers: readonly ContainerMemoryUsage[],
  thresholdBytes: number,
  availableBytes: number,
): string {
  let message = 'The node was low on resource: memory. ';
  message += `Threshold quantity: ${formatBytes(thresholdBytes)}, available: ${formatBytes(availableBytes)}. `;
  const specs = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  for (const usage of containers) {
    const spec = specs.find((c) => c.name === usage.name);
    if (!spec) continue;
    const request = requestText(spec);
    if (usage.workingSetBytes > request.bytes)
      message += `Container ${usage.name} was using ${formatBytes(usage.workingSetBytes)}, request is ${request.text}, has larger consumption of memory. `;
  }
  return message;
}
