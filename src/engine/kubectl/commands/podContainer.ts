/** Choosing a pod's container for logs and exec (`KC:pkg/cmd/util/podcmd/podcmd.go`). */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CommandContext } from '../command';

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** `allContainerNames`: app containers, then ephemeral `(ephem)`, then init `(init)`. */
export function allContainerNames(pod: IPod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

export function hasContainer(pod: IPod, name: string): boolean {
  return [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.ephemeralContainers ?? []),
  ].some((c) => c.name === name);
}

/**
 * The container to use when none was named: the default-container annotation's, else the first one, telling
 * the user on stderr when the pod has others (`Defaulted container "x" out of: x, y`) unless `announce` is false
 * (logs of several pods stay quiet).
 */
export function defaultContainer(ctx: CommandContext, pod: IPod, announce = true): string | undefined {
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && hasContainer(pod, annotated)) return annotated;
  const first = pod.spec?.containers?.[0]?.name;
  if (first === undefined) return undefined;
  const others =
    (pod.spec?.containers ?? []).length > 1 ||
    (pod.spec?.initContainers ?? []).length > 0 ||
    (pod.spec?.ephemeralContainers ?? []).length > 0;
  if (others && announce) ctx.out.stderr += `Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`;
  return first;
}
