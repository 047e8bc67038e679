/** `kubectl describe` (`KC:pkg/cmd/describe/describe.go`). */
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { KubectlError, clientError } from '../errors';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAGS, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { readManifestRefs } from '../manifests';
import {
  getObject,
  groupResource,
  listObjects,
  parseResourceArgs,
  resolveResourceType,
  type ResourceInfo,
} from '../resourceArgs';
import { eventsFor } from '../describe/describeHelpers';
import { describeGeneric } from '../describe/describeGeneric';
import { describeNode } from '../describe/describeNode';
import { describePod } from '../describe/describePod';

function listEvents(ctx: CommandContext, namespace: string | undefined): KubeObject[] {
  const result = ctx.api.list(resolveResourceType(ctx.api, 'events'), namespace);
  return result.ok ? result.value : [];
}

function describeNodeInfo(ctx: CommandContext, node: KubeObject, showEvents: boolean): string {
  const name = node.metadata.name ?? '';
  const leases = ctx.api.resolveResource('leases.coordination.k8s.io');
  let lease: KubeObject | string = `the server doesn't have a resource type "leases"`;
  if (leases) {
    const got = ctx.api.get(leases, 'kube-node-lease', name);
    lease = got.ok ? got.value : got.error.message;
  }
  const pods = ctx.api.list(resolveResourceType(ctx.api, 'pods'), undefined, {
    fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
  });
  // Node events may name the node by uid or (the kubelet's) by name.
  const events = showEvents ? eventsFor(listEvents(ctx, undefined), node, name) : [];
  return describeNode({ node, lease, pods: pods.ok ? pods.value : [], events, nowMs: ctx.api.now() });
}

function describeInfo(ctx: CommandContext, info: ResourceInfo, showEvents: boolean): string {
  const { object, resource } = info;
  const nowMs = ctx.api.now();
  if (groupResource(resource) === 'nodes') return describeNodeInfo(ctx, object, showEvents);
  const events: IEvent[] = showEvents ? eventsFor(listEvents(ctx, object.metadata.namespace), object) : [];
  if (groupResource(resource) === 'pods') return describePod(object, events, nowMs);
  return describeGeneric(object, events, nowMs);
}

/** A name that is not found is taken as a prefix (kubectl describe's "NAME_PREFIX"). */
function fetchByNameOrPrefix(
  ctx: CommandContext,
  info: { resource: ResourceInfo['resource']; name: string; namespace: string },
): ResourceInfo[] {
  try {
    return [getObject(ctx.api, info.resource, info.namespace, info.name)];
  } catch (e) {
    if (!(e instanceof KubectlError) || e.status?.reason !== 'NotFound') throw e;
    const matches = listObjects(ctx.api, info.resource, info.namespace, false, {}).filter((i) =>
      (i.object.metadata.name ?? '').startsWith(info.name),
    );
    if (matches.length === 0) throw e;
    return matches;
  }
}

function runDescribe(ctx: CommandContext): void {
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  }
  const allNamespaces = flagBool(ctx, 'all-namespaces');
  const selector = flagString(ctx, 'selector');
  const showEvents = flagBool(ctx, 'show-events', true);
  const refs =
    flagList(ctx, 'filename').length > 0 ? readManifestRefs(ctx, 'describe') : parseResourceArgs(ctx.api, ctx.args);
  const descriptions: string[] = [];
  for (const ref of refs) {
    try {
      const infos =
        ref.name !== undefined
          ? fetchByNameOrPrefix(ctx, {
              resource: ref.resource,
              name: ref.name,
              namespace: ref.namespace ?? ctx.namespace,
            })
          : listObjects(ctx.api, ref.resource, ctx.namespace, allNamespaces, { labelSelector: selector || undefined });
      for (const info of infos) descriptions.push(describeInfo(ctx, info, showEvents));
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  if (descriptions.length === 0 && ctx.out.errors.length === 0) {
    ctx.out.stderr += allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`;
  }
  // kubectl separates descriptions with a blank line.
  ctx.out.stdout += descriptions.join('\n\n');
}

export const describeCommand: CommandDef = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  use: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [SELECTOR_FLAG, ALL_NAMESPACES_FLAG, ...FILENAME_FLAGS, ...defineFlags('show-events:bool chunk-size:int')],
  run: runDescribe,
};
