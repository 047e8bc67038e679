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
import { describerFor } from '../describe/describerFor';

function listEvents(ctx: CommandContext, namespace: string | undefined): KubeObject[] {
  const result = ctx.api.list(resolveResourceType(ctx.api, 'events'), namespace);
  return result.ok ? result.value : [];
}

function describeInfo(ctx: CommandContext, info: ResourceInfo, showEvents: boolean): string {
  const { object, resource } = info;
  let events: IEvent[] | undefined;
  if (showEvents) {
    // A node's events name it by uid (controllers) or by name (the kubelet).
    const extraUid = groupResource(resource) === 'nodes' ? object.metadata.name : undefined;
    events = eventsFor(listEvents(ctx, object.metadata.namespace), object, extraUid);
  }
  return describerFor(resource)({ object, events, nowMs: ctx.api.now(), api: ctx.api });
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
