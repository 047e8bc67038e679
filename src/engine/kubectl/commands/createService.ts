/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME` (`KC:pkg/cmd/create/create_service.go`):
 * a Service labelled and selecting `app=NAME`, one TCP port per `--tcp=<port>[:<targetPort>]`, named after it.
 */
import type { KubeObject } from '../../api/types';
import { portNameErrors, portNumberErrors } from '../../api/validation/names';
import type { CommandContext, CommandDef } from '../command';
import { flagInt, flagList, flagString } from '../command';
import { clientError, usageError } from '../errors';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { resolveResourceType } from '../resourceArgs';
import { CREATE_FLAGS, createAndReport } from './createObject';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** `parsePorts`: the port, and a target port that is a number or a port name. */
function parsePorts(text: string): { port: number; targetPort: number | string } {
  const [portText = '', targetText] = text.split(':');
  // utilsnet.ParsePort: strconv.ParseUint(port, 10, 16), 0 allowed.
  if (!/^\d+$/.test(portText)) throw clientError(`strconv.ParseUint: parsing "${portText}": invalid syntax`);
  const port = Number(portText);
  if (port > 65535) throw clientError(`strconv.ParseUint: parsing "${portText}": value out of range`);
  if (targetText === undefined) return { port, targetPort: port };
  if (/^-?\d+$/.test(targetText)) {
    const problems = portNumberErrors(Number(targetText));
    if (problems.length > 0) throw clientError(problems.join(','));
    return { port, targetPort: Number(targetText) };
  }
  const problems = portNameErrors(targetText);
  if (problems.length > 0) throw clientError(problems.join(','));
  return { port, targetPort: targetText };
}

const isDns1123Subdomain = (name: string) =>
  name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);

function runCreateService(ctx: CommandContext, type: ServiceType): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const [name] = ctx.args;
  if (name === undefined) throw usageError('NAME is required', ctx.commandPath);
  if (ctx.args.length > 1) throw usageError(`exactly one NAME is required, got ${ctx.args.length}`, ctx.commandPath);
  const clusterIP = flagString(ctx, 'clusterip');
  const tcp = flagList(ctx, 'tcp');
  const externalName = flagString(ctx, 'external-name');
  if (type === 'ExternalName' && !ctx.flags.given.some((f) => f.name === 'external-name'))
    throw clientError('required flag(s) "external-name" not set');
  if (clusterIP === 'None' && type !== 'ClusterIP')
    throw clientError('ClusterIP=None can only be used with ClusterIP service type');
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName')
    throw clientError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && !isDns1123Subdomain(externalName))
    throw clientError(`invalid service external name ${externalName}`);

  const nodePort = flagInt(ctx, 'node-port', 0);
  const ports = tcp.map((pair) => ({
    name: pair.replace(/:/g, '-'),
    ...parsePorts(pair),
    protocol: 'TCP',
    ...(nodePort !== 0 ? { nodePort } : {}),
  }));
  const metadata: KubeObject['metadata'] = { name, labels: { app: name } };
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      type,
      selector: { app: name },
      ports,
      ...(externalName ? { externalName } : {}),
      ...(clusterIP ? { clusterIP } : {}),
    },
    status: { loadBalancer: {} },
  };
  createAndReport(
    ctx,
    { resource: resolveResourceType(ctx.api, 'services'), object: service },
    { failure: `failed to create ${type} service` },
  );
}

function serviceCommand(name: string, type: ServiceType, use: string, extraFlags: string): CommandDef {
  return {
    name,
    short: `Create a${type === 'ExternalName' ? 'n' : ''} ${type} service`,
    use,
    flags: [...CREATE_FLAGS, ...defineFlags(`tcp:stringSlice ${extraFlags}`.trim())],
    run: (ctx) => runCreateService(ctx, type),
  };
}

export const createServiceCommand: CommandDef = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  use: 'kubectl create service [flags] [options]',
  subcommands: [
    serviceCommand(
      'clusterip',
      'ClusterIP',
      'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
      'clusterip:string',
    ),
    serviceCommand(
      'externalname',
      'ExternalName',
      'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
      'external-name:string',
    ),
    serviceCommand(
      'loadbalancer',
      'LoadBalancer',
      'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
      '',
    ),
    serviceCommand(
      'nodeport',
      'NodePort',
      'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
      'node-port:int',
    ),
  ],
};
