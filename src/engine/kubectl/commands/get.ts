/** `kubectl get` (`KC:pkg/cmd/get/get.go`). */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError } from '../errors';
import {
  ALL_NAMESPACES_FLAG,
  ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
} from '../flags/commonFlags';
import { checkOutputFormat, printObjects } from '../printers/printObjects';
import { sortInfos } from '../printers/sortBy';
import { fetchTargets, ignoreNotFound } from '../targets';

function runGet(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  checkOutputFormat(output);
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    ctx.out.stderr +=
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';
    throw clientError(
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const { infos, singleItem, allNamespaced } = fetchTargets(ctx, { verb: 'get' });
  const ignoreMissing = flagBool(ctx, 'ignore-not-found');
  if (ignoreMissing) ignoreNotFound(ctx);
  const sortBy = flagString(ctx, 'sort-by');
  const sorted = sortBy ? sortInfos(infos, sortBy) : infos;
  const humanReadable = output === '' || output === 'wide';
  if (sorted.length === 0 && humanReadable) {
    if (ctx.out.errors.length === 0 && !ignoreMissing) {
      ctx.out.stderr += allNamespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n';
    }
    return;
  }
  const kinds = new Set(sorted.map((i) => i.resource));
  ctx.out.stdout += printObjects(sorted, {
    output,
    noHeaders: flagBool(ctx, 'no-headers'),
    showLabels: flagBool(ctx, 'show-labels'),
    labelColumns: flagList(ctx, 'label-columns'),
    allNamespaces: flagBool(ctx, 'all-namespaces'),
    withKind: kinds.size > 1 || flagBool(ctx, 'show-kind'),
    singleItem,
    showManagedFields: flagBool(ctx, 'show-managed-fields'),
    nowMs: ctx.api.now(),
  });
}

export const getCommand: CommandDef = {
  name: 'get',
  suggestFor: ['list', 'ps'],
  short: 'Display one or many resources',
  use: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    ALLOW_MISSING_TEMPLATE_KEYS_FLAG,
    { name: 'show-labels', type: 'bool' },
    { name: 'show-kind', type: 'bool' },
    { name: 'label-columns', shorthand: 'L', type: 'stringSlice' },
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    // Simplification: `-w` prints the current state and returns; the page's terminal streams later changes.
    { name: 'watch', shorthand: 'w', type: 'bool' },
    { name: 'watch-only', type: 'bool' },
    { name: 'output-watch-events', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'chunk-size', type: 'int' },
    { name: 'server-print', type: 'bool' },
    { name: 'raw', type: 'string' },
    { name: 'subresource', type: 'string' },
  ],
  run: runGet,
};
