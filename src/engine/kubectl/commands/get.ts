/** `kubectl get` (`KC:pkg/cmd/get/get.go`). */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError } from '../errors';
import {
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAGS,
  PRINT_FLAGS,
  SELECTOR_FLAG,
} from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat, printObjects } from '../printers/printObjects';
import { sortInfos } from '../printers/sortBy';
import { multipleTypesRequested } from '../resourceArgs';
import { fetchTargets, ignoreNotFound } from '../targets';
import { runGetWatch } from '../watch/getWatch';
import { WatchingKubectlHost } from '../watch/watchingHost';

function runGet(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  checkOutputFormat(output);
  if ((flagBool(ctx, 'watch') || flagBool(ctx, 'watch-only')) && ctx.host instanceof WatchingKubectlHost) {
    runGetWatch(ctx, ctx.host);
    return;
  }
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
    withKind: kinds.size > 1 || multipleTypesRequested(ctx.args) || flagBool(ctx, 'show-kind'),
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
    ...PRINT_FLAGS,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    ...FILENAME_FLAGS,
    // `-w` streams only on a host that keeps the command running (the page's terminal: WatchingKubectlHost);
    // elsewhere (scripts, the CLI) it prints the current state and returns.
    ...defineFlags(
      'show-labels:bool show-kind:bool label-columns,L:stringSlice sort-by:string no-headers:bool watch,w:bool ' +
        'watch-only:bool output-watch-events:bool ignore-not-found:bool chunk-size:int server-print:bool ' +
        'raw:string subresource:string',
    ),
  ],
  run: runGet,
};
