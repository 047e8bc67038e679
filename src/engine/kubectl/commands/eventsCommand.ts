/** `kubectl events` (`KC:pkg/cmd/events/events.go`). */
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError } from '../errors';
import { ALL_NAMESPACES_FLAG, OUTPUT_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { eventInterval, sortEventsByTime } from '../describe/describeHelpers';
import { printObjects, renderTable } from '../printers/printObjects';
import { listObjects, parseResourceArgs, resolveResourceType } from '../resourceArgs';

function runEvents(ctx: CommandContext): void {
  const allNamespaces = flagBool(ctx, 'all-namespaces');
  const output = flagString(ctx, 'output');
  const types = flagList(ctx, 'types').map((t) => t.toLowerCase());
  for (const t of types)
    if (t !== 'normal' && t !== 'warning') throw clientError('valid --types are Normal or Warning');
  const resource = resolveResourceType(ctx.api, 'events');
  let events = listObjects(ctx.api, resource, ctx.namespace, allNamespaces, {}).map(
    (i) => i.object as unknown as IEvent,
  );
  const forObject = flagString(ctx, 'for');
  if (forObject) {
    if (!forObject.includes('/')) throw clientError('--for must be in resource/name form');
    const ref = parseResourceArgs(ctx.api, [forObject])[0];
    events = events.filter((e) => e.involvedObject.kind === ref?.resource.kind && e.involvedObject.name === ref?.name);
  }
  if (types.length > 0) events = events.filter((e) => types.includes((e.type ?? '').toLowerCase()));
  const sorted = sortEventsByTime(events);
  if (sorted.length === 0) {
    ctx.out.stderr += allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`;
    return;
  }
  if (output !== '') {
    ctx.out.stdout += printObjects(
      sorted.map((e) => ({ resource, object: e as unknown as KubeObject })),
      { output, nowMs: ctx.api.now() },
    );
    return;
  }
  const nowMs = ctx.api.now();
  const header = [...(allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const rows = sorted.map((e) => [
    ...(allNamespaces ? [e.metadata.namespace ?? ''] : []),
    eventInterval(e, nowMs),
    e.type ?? '',
    e.reason ?? '',
    `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`,
    (e.message ?? '').trim(),
  ]);
  ctx.out.stdout += renderTable(flagBool(ctx, 'no-headers') ? rows : [header, ...rows]);
}

export const eventsCommand: CommandDef = {
  name: 'events',
  short: 'List events',
  use: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: [
    ALL_NAMESPACES_FLAG,
    OUTPUT_FLAG,
    // Simplification: `-w` prints the events so far; the page's terminal streams new ones.
    ...defineFlags('for:string types:stringSlice no-headers:bool watch,w:bool chunk-size:int'),
  ],
  run: runEvents,
};
