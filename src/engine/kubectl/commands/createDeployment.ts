/** `kubectl create deployment NAME --image=...` (`KC:pkg/cmd/create/create_deployment.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagInt, flagList, flagString } from '../command';
import { clientError, usageError } from '../errors';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { resolveResourceType } from '../resourceArgs';
import { CREATE_FLAGS, createAndReport } from './createObject';

/** 5 letters from the name, standing in for `utilrand.String(5)` (the simulator keeps runs reproducible). */
function suffixFor(name: string): string {
  const letters = 'bcdfghjklmnpqrstvwxz2456789';
  let hash = 0;
  for (const c of name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += letters.charAt(hash % letters.length);
    hash = Math.floor(hash / letters.length) + 7 * i;
  }
  return suffix;
}

/** `buildPodSpec`: one container per image, named after the image without registry, tag or digest. */
function containerName(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  // sanitizeAndUniquify: `_` and `.` become `-`, and a random suffix keeps the name unique.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffixFor(name)}`;
  return name;
}

function runCreateDeployment(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const dash = ctx.flags.argsLenAtDash;
  const names = dash >= 0 ? ctx.args.slice(0, dash) : ctx.args;
  const command = dash >= 0 ? ctx.args.slice(dash) : [];
  const images = flagList(ctx, 'image');
  if (images.length === 0) throw clientError('required flag(s) "image" not set');
  const [name] = names;
  if (name === undefined) throw usageError('NAME is required', ctx.commandPath);
  if (names.length > 1) {
    throw usageError(`exactly one NAME is required, got ${names.length}`, ctx.commandPath);
  }
  if (images.length > 1 && command.length > 0) throw clientError('cannot specify multiple --image options and command');
  const labels = { app: name };
  const containers = images.map((image) => {
    const container: Record<string, unknown> = { name: containerName(image), image };
    if (command.length > 0) container.command = command;
    container.resources = {};
    return container;
  });
  const port = flagInt(ctx, 'port', -1);
  if (port >= 0) (containers[0] as Record<string, unknown>).ports = [{ containerPort: port }];
  const metadata: KubeObject['metadata'] = { name, labels };
  // The object carries the namespace only when -n was given; the API fills it in otherwise.
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  const deployment: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: flagInt(ctx, 'replicas', 1),
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { labels }, spec: { containers } },
    },
    status: {},
  };
  createAndReport(
    ctx,
    { resource: resolveResourceType(ctx.api, 'deployments.apps'), object: deployment },
    { failure: 'failed to create deployment' },
  );
}

export const createDeploymentCommand: CommandDef = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  use: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [...CREATE_FLAGS, ...defineFlags('image:stringSlice port:int replicas:int')],
  run: runCreateDeployment,
};
