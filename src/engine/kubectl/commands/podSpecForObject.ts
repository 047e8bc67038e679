/**
 * Where an object keeps its pod spec, and changing objects through it as `kubectl set` does
 * (`KC:pkg/polymorphichelpers/updatepodspec.go`, `pkg/cmd/set/helper.go:CalculatePatches`).
 */
import type { IIoK8sApiCoreV1PodSpec as PodSpec } from 'kubernetes-models/v1/PodSpec';
import type { KubeObject } from '../../api/types';
import { createTwoWayMergePatch } from '../apply/threeWayMergePatch';
import type { CommandContext } from '../command';
import { KubectlError, apiError, clientError } from '../errors';
import type { DryRunStrategy } from '../flags/dryRun';
import { dryRunSuffix } from '../flags/dryRun';
import { reportObject } from '../printers/reportObject';
import { groupResource, namespaceFor, type ResourceInfo } from '../resourceArgs';

/** The kinds `UpdatePodSpecForObject` knows, with the path to their pod spec. */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The object's pod spec (to change in place), or kubectl's error for kinds without one. */
export function podSpecOf(object: KubeObject): PodSpec {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path) {
    // Go's %T of the typed object, e.g. `*v1.Service`.
    const version = object.apiVersion.split('/').pop() ?? '';
    throw clientError(`the object is not a pod or does not have a pod template: *${version}.${object.kind}`);
  }
  let node: Record<string, unknown> = object;
  for (const key of path) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  return node as unknown as PodSpec;
}

/** `filepath.Match` for container selectors: `*` and `?` wildcards. */
export function matchesContainerSelector(name: string, selector: string): boolean {
  const pattern = selector
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(name);
}

/**
 * Applies `mutate` to a copy of each object and sends the strategic merge patch between them, printing each changed
 * object with `operation` (`image updated`). Unchanged objects print nothing; errors are collected with kubectl's
 * `error: deployments.apps/web ...` prefix or the command's failure wording.
 */
export function patchEach(
  ctx: CommandContext,
  infos: readonly ResourceInfo[],
  options: {
    mutate: (object: KubeObject) => void;
    operation: string;
    dryRun: DryRunStrategy;
    /** Wording of a failed patch, e.g. `failed to patch image update to pod template`. */
    failure: string;
  },
): void {
  for (const info of infos) {
    const modified = structuredClone(info.object);
    try {
      options.mutate(modified);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      // `info.ObjectName()`: `deployments.apps/web`.
      const name = `${groupResource(info.resource)}/${info.object.metadata.name ?? ''}`;
      ctx.out.errors.push(clientError(`error: ${name} ${e.message}\n`));
      continue;
    }
    const patch = createTwoWayMergePatch(info.object, modified);
    if (Object.keys(patch).length === 0) continue;
    if (options.dryRun === 'client') {
      reportObject(ctx, { ...info, object: modified }, `${options.operation}${dryRunSuffix('client')}`);
      continue;
    }
    const namespace = namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace);
    const patched = ctx.api.patch(info.resource, namespace, info.object.metadata.name ?? '', 'strategic', patch, {
      dryRun: options.dryRun === 'server',
    });
    if (!patched.ok) {
      ctx.out.errors.push(clientError(`${options.failure}: ${apiError(patched.error).message}`));
      continue;
    }
    reportObject(ctx, { ...info, object: patched.value }, `${options.operation}${dryRunSuffix(options.dryRun)}`);
  }
}
