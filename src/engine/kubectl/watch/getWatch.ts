/**
 * `kubectl get -w|--watch-only` on a terminal that keeps it running (`KC:pkg/cmd/get/get.go` watch): one resource
 * type only, the list (or the named object) printed first unless `--watch-only`, then the watch is handed to the
 * host, which prints a row for each later change (see watchPrinter).
 */
import { convertFieldSelector, parseFieldSelector } from '../../api/selectors/fieldSelector';
import { parseLabelSelector } from '../../api/selectors/labelSelector';
import type { CommandContext } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError } from '../errors';
import { namespaceFor, parseResourceArgs } from '../resourceArgs';
import { fetchTargets } from '../targets';
import type { WatchingKubectlHost } from './watchingHost';
import { printWatchEvents } from './watchPrinter';
import type { GetWatchSpec } from './watchSpec';

// cli-runtime builder.go: what ResourceTypeOrNameArgs says when given nothing.
const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** Prints what the watch starts from and hands the watch to `host`; errors end the command as kubectl's do. */
export function runGetWatch(ctx: CommandContext, host: WatchingKubectlHost): void {
  // get.go Complete: sorting would need the whole list, which a watch never has.
  if (flagString(ctx, 'sort-by'))
    ctx.out.stderr += 'warning: --watch or --watch-only requested, --sort-by will be ignored\n';
  const fromFiles = flagList(ctx, 'filename').length > 0;
  if (ctx.args.length === 0 && !fromFiles) throw clientError(NO_RESOURCES);
  const refs = fromFiles ? [] : parseResourceArgs(ctx.api, ctx.args);
  // builder.go SingleResourceType: `get pods,services -w`, `get all -w`.
  if (new Set(refs.filter((r) => r.name === undefined).map((r) => r.resource)).size > 1)
    throw clientError('you may only specify a single resource type');
  const { infos, named } = fetchTargets(ctx, { verb: 'get' });
  // Without ContinueOnError the first missing object ends the command.
  const [missing] = ctx.out.errors;
  if (missing) {
    ctx.out.errors = [];
    throw missing;
  }
  if (new Set(infos.map((i) => i.resource)).size > 1)
    throw clientError(
      'watch is only supported on individual resources and resource collections - more than 1 resource was found',
    );
  const resource = infos[0]?.resource ?? refs[0]!.resource;
  const allNamespaces = flagBool(ctx, 'all-namespaces');
  const spec: GetWatchSpec = {
    resource,
    print: {
      output: flagString(ctx, 'output'),
      noHeaders: flagBool(ctx, 'no-headers'),
      showLabels: flagBool(ctx, 'show-labels'),
      labelColumns: flagList(ctx, 'label-columns'),
      allNamespaces,
      withKind: flagBool(ctx, 'show-kind'),
      showManagedFields: flagBool(ctx, 'show-managed-fields'),
      outputWatchEvents: flagBool(ctx, 'output-watch-events'),
    },
    printer: { printedHeaders: false, widths: [], documents: 0 },
  };
  if (named) {
    const object = infos[0]!.object;
    spec.name = object.metadata.name;
    if (resource.namespaced) spec.namespace = object.metadata.namespace;
  } else {
    spec.namespace = namespaceFor(resource, ctx.namespace, allNamespaces);
    addSelectors(ctx, spec);
  }
  if (!flagBool(ctx, 'watch-only'))
    ctx.out.stdout += printWatchEvents(
      spec,
      infos.map((i) => ({ type: 'ADDED', object: i.object })),
      ctx.api.now(),
    );
  // result.go Watch: several named objects were listed, but one watch follows one object or one collection.
  if (infos.length > 1 && named)
    throw clientError('you may only watch a single resource or type of resource at a time');
  host.beginWatch(spec);
}

/** `-l` and `--field-selector` as the API server applies them to the watch (the list already accepted them). */
function addSelectors(ctx: CommandContext, spec: GetWatchSpec): void {
  const labelText = flagString(ctx, 'selector');
  const labels = labelText ? parseLabelSelector(labelText) : undefined;
  if (labels?.ok) spec.labels = labels.selector;
  const fieldText = flagString(ctx, 'field-selector');
  const fields = fieldText ? parseFieldSelector(fieldText) : undefined;
  const converted = fields?.ok ? convertFieldSelector(fields.selector, spec.resource) : undefined;
  if (converted?.ok) spec.fields = converted.selector;
}
