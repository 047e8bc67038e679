/**
 * A pod's effective resource requests as the scheduler counts them (component-helpers/resource/helpers.go
 * PodRequests): the larger of the sum over app containers and the largest init container, per resource.
 */
import type { Container, Node, Pod } from '../api/kinds';
import { quantityToMilli } from './quantities';

export interface ResourceAmounts {
  /** millicores */
  cpu: number;
  /** bytes, in thousandths (milli-bytes) to share the milli representation */
  memory: number;
}

/** Defaults the scheduler's scoring uses for containers without requests (scheduler/util/pod_resources.go). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST_BYTES = 200 * 1024 * 1024;

function containerRequests(container: Container): ResourceAmounts {
  const requests = (container.resources?.requests ?? {}) as Record<string, string | number>;
  const limits = (container.resources?.limits ?? {}) as Record<string, string | number>;
  // A limit without a request defaults the request to the limit (defaults.go: setDefaultResources).
  const cpu = requests.cpu ?? limits.cpu;
  const memory = requests.memory ?? limits.memory;
  return {
    cpu: cpu === undefined ? 0 : quantityToMilli(cpu),
    memory: memory === undefined ? 0 : quantityToMilli(memory) / 1000,
  };
}

export function podRequests(pod: Pod): ResourceAmounts {
  const sum = { cpu: 0, memory: 0 };
  for (const container of pod.spec.containers ?? []) {
    const r = containerRequests(container);
    sum.cpu += r.cpu;
    sum.memory += r.memory;
  }
  for (const container of pod.spec.initContainers ?? []) {
    const r = containerRequests(container);
    sum.cpu = Math.max(sum.cpu, r.cpu);
    sum.memory = Math.max(sum.memory, r.memory);
  }
  return sum;
}

/** Requests with the scoring defaults substituted for containers that request nothing. */
export function podNonZeroRequests(pod: Pod): ResourceAmounts {
  const sum = { cpu: 0, memory: 0 };
  for (const container of pod.spec.containers ?? []) {
    const r = containerRequests(container);
    sum.cpu += r.cpu || DEFAULT_MILLI_CPU_REQUEST;
    sum.memory += r.memory || DEFAULT_MEMORY_REQUEST_BYTES;
  }
  return sum;
}

export interface NodeAllocatable extends ResourceAmounts {
  pods: number;
}

export function nodeAllocatable(node: Node): NodeAllocatable {
  const allocatable = (node.status?.allocatable ?? {}) as Record<string, string | number>;
  return {
    cpu: allocatable.cpu === undefined ? 0 : quantityToMilli(allocatable.cpu),
    memory: allocatable.memory === undefined ? 0 : quantityToMilli(allocatable.memory) / 1000,
    pods: allocatable.pods === undefined ? 110 : Number(allocatable.pods),
  };
}
