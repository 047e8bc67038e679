/**
 * The cgroup limits the kubelet asks the runtime for when it creates a container
 * (kuberuntime_container_linux.go generateLinuxContainerResources): `memory.max` from `limits.memory`, the CFS
 * quota from `limits.cpu`. Requests only weigh in scheduling and CPU shares, which the simulation leaves out.
 */
import type { Container } from '../api/kinds';
import type { LinuxContainerResources } from '../node/containerRuntime';
import { quantityToMilli } from '../resources/quantities';

/** The container's limits as the runtime enforces them; none when it sets no limit. */
export function linuxResources(container: Container): LinuxContainerResources | undefined {
  const limits = (container.resources?.limits ?? {}) as Record<string, string | number>;
  const resources: LinuxContainerResources = {};
  if (limits.memory !== undefined) resources.memoryLimitBytes = Math.ceil(quantityToMilli(limits.memory) / 1000);
  if (limits.cpu !== undefined) resources.cpuLimitCores = quantityToMilli(limits.cpu) / 1000;
  return Object.keys(resources).length > 0 ? resources : undefined;
}
