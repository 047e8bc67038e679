/**
 * `kubectl set image` and `kubectl set resources` (`KC:pkg/cmd/set/set_image.go, set_resources.go`); `set env` is
 * in setEnv.ts.
 */
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError, usageError } from '../errors';
import { parseQuantity } from '../../api/quantity/quantity';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, RECORD_FLAG, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy } from '../flags/dryRun';
import { checkOutputFormat } from '../printers/printObjects';
import { recordChangeCause } from '../record';
import { fetchTargets } from '../targets';
import { matchesContainerSelector, patchEach, podSpecOf } from './podSpecForObject';
import { setEnvCommand } from './setEnv';

const RESOURCES_REQUIRED = 'one or more resources must be specified as <resource> <name> or <resource>/<name>';

/** `getResourcesAndImages`: `name=image` pairs after the resources. */
/**
 * `GetResourcesAndPairs`: resources first, then `container=image` pairs; a word after the first pair that is not a
 * pair (a mistyped `–record`) is an error.
 */
function splitImageArgs(args: readonly string[]): { resources: string[]; images: Record<string, string> } {
  const resources: string[] = [];
  const images: Record<string, string> = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const pair = eq > 0 || (arg.endsWith('-') && arg !== '-');
    if (pair) images[eq > 0 ? arg.slice(0, eq) : arg] = eq > 0 ? arg.slice(eq + 1) : '';
    else if (Object.keys(images).length > 0)
      throw clientError(`all resources must be specified before image changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, images };
}

function runSetImage(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const { resources, images } = splitImageArgs(ctx.args);
  const problems: string[] = [];
  if (resources.length === 0 && flagList(ctx, 'filename').length === 0) problems.push(RESOURCES_REQUIRED);
  const names = Object.keys(images);
  if (names.length === 0) problems.push('at least one image update is required');
  else if (names.length > 1 && names.includes('*')) {
    problems.push(
      'all containers are already specified by *, but saw more than one container_name=container_image pairs',
    );
  }
  if (problems.length > 0) {
    ctx.out.errors.push(...problems.map((p) => clientError(p)));
    return;
  }
  const dryRun = dryRunStrategy(ctx);
  const { infos } = fetchTargets(ctx, { args: resources, verb: 'set image', requireSelection: !flagBool(ctx, 'all') });
  const missing = new Set<string>();
  patchEach(ctx, infos, {
    operation: 'image updated',
    dryRun,
    failure: 'failed to patch image update to pod template',
    mutate: (object) => {
      const spec = podSpecOf(object);
      for (const [name, image] of Object.entries(images)) {
        let found = false;
        for (const list of [spec.initContainers ?? [], spec.containers ?? []]) {
          for (const container of list) {
            if (name !== '*' && container.name !== name) continue;
            container.image = image;
            found = true;
          }
        }
        if (!found) missing.add(name);
      }
      Object.assign(object, recordChangeCause(ctx, object));
    },
  });
  for (const name of missing) ctx.out.errors.push(clientError(`error: unable to find container named "${name}"`));
}

/** `ParseResourceRequirements` of `cpu=200m,memory=512Mi`. */
function parseResourceList(text: string): Record<string, string> {
  const list: Record<string, string> = {};
  if (!text) return list;
  for (const pair of text.split(',')) {
    const [name = '', value = '', ...extra] = pair.split('=');
    if (extra.length > 0 || !name) throw clientError(`Invalid argument syntax ${pair}, expected <resource>=<value>`);
    const quantity = parseQuantity(value);
    if (!quantity.ok) throw clientError(quantity.error);
    list[name] = value;
  }
  return list;
}

function runSetResources(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw usageError(RESOURCES_REQUIRED, ctx.commandPath);
  }
  const limits = parseResourceList(flagString(ctx, 'limits'));
  const requests = parseResourceList(flagString(ctx, 'requests'));
  if (Object.keys(limits).length === 0 && Object.keys(requests).length === 0) {
    throw clientError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  }
  const selector = flagString(ctx, 'containers', '*');
  const dryRun = dryRunStrategy(ctx);
  const { infos } = fetchTargets(ctx, { verb: 'set resources', requireSelection: !flagBool(ctx, 'all') });
  let anyMissing = false;
  patchEach(ctx, infos, {
    operation: 'resource requirements updated',
    dryRun,
    failure: 'failed to patch resources update to pod template',
    mutate: (object) => {
      const spec = podSpecOf(object);
      const selected = [...(spec.initContainers ?? []), ...(spec.containers ?? [])].filter((c) =>
        matchesContainerSelector(c.name, selector),
      );
      if (selected.length === 0) anyMissing = true;
      for (const container of selected) {
        const resources: NonNullable<Container['resources']> = (container.resources ??= {});
        if (Object.keys(limits).length > 0) resources.limits = { ...resources.limits, ...limits };
        if (Object.keys(requests).length > 0) resources.requests = { ...resources.requests, ...requests };
      }
      Object.assign(object, recordChangeCause(ctx, object));
    },
  });
  if (anyMissing) ctx.out.errors.push(clientError(`error: unable to find container named ${selector}`));
}

const SET_FLAGS = [
  ...PRINT_FLAGS,
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  DRY_RUN_FLAG,
  ...defineFlags('all:bool local:bool field-manager:string kustomize,k:string'),
];

export const setCommand: CommandDef = {
  name: 'set',
  short: 'Set specific features on objects',
  use: 'kubectl set SUBCOMMAND [options]',
  subcommands: [
    setEnvCommand,
    {
      name: 'image',
      short: 'Update the image of a pod template',
      use: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
      flags: [...SET_FLAGS, RECORD_FLAG],
      run: runSetImage,
    },
    {
      name: 'resources',
      short: 'Update resource requests/limits on objects with pod templates',
      use: 'kubectl set resources (-f FILENAME | TYPE NAME) ([--limits=LIMITS & --requests=REQUESTS] [options]',
      flags: [...SET_FLAGS, RECORD_FLAG, ...defineFlags('containers,c:string limits:string requests:string')],
      run: runSetResources,
    },
  ],
};
