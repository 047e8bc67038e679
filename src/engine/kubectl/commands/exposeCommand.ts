/**
 * `kubectl expose` (`KC:pkg/cmd/expose/expose.go`, the `service/v2` generator in `pkg/generate/versioned/service.go`,
 * `pkg/polymorphichelpers/canbeexposed.go, mapbasedselectorforobject.go, portsforobject.go, protocolsforobject.go`).
 */
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagList, flagString } from '../command';
import { KubectlError, clientError, usageError } from '../errors';
import { FILENAME_FLAGS, RECORD_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { recordChangeCause } from '../record';
import { groupResource, resolveResourceType, type ResourceInfo } from '../resourceArgs';
import { fetchTargets } from '../targets';
import { CREATE_FLAGS, createAndReport } from './createObject';
import { groupKind } from '../rollout/statusViewers';

const EXPOSABLE = ['pods', 'services', 'replicationcontrollers', 'deployments.apps', 'replicasets.apps'];
const DNS1035_MAX = 63;

interface PortSpec {
  port: number;
  protocol: string;
}

const templateContainers = (object: KubeObject): Container[] =>
  ((object.spec as { template?: { spec?: { containers?: Container[] } } } | undefined)?.template?.spec?.containers ??
    []) as Container[];

/** `MapBasedSelectorForObject`: the pod labels a Service for the object should select. */
function selectorFor(object: KubeObject): Record<string, string> {
  const spec = (object.spec ?? {}) as {
    selector?: Record<string, string> | { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  };
  switch (object.kind) {
    case 'Pod':
      if (Object.keys(object.metadata.labels ?? {}).length === 0) {
        throw new Error(`the pod has no labels and cannot be exposed`);
      }
      return { ...object.metadata.labels };
    case 'Service':
      if (!spec.selector || Object.keys(spec.selector).length === 0) {
        throw new Error('the service has no pod selector set');
      }
      return { ...(spec.selector as Record<string, string>) };
    case 'ReplicationController':
      return { ...(spec.selector as Record<string, string>) };
    default: {
      const selector = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      if ((selector?.matchExpressions ?? []).length > 0) {
        throw new Error(
          `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`,
        );
      }
      return { ...(selector?.matchLabels ?? {}) };
    }
  }
}

/** `PortsForObject` with `ProtocolsForObject`: container ports (every container), or a Service's ports. */
function portsFor(object: KubeObject): PortSpec[] {
  if (object.kind === 'Service') {
    const ports = (object.spec as { ports?: { port: number; protocol?: string }[] } | undefined)?.ports ?? [];
    return ports.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  }
  const containers =
    object.kind === 'Pod'
      ? ((object.spec as { containers?: Container[] } | undefined)?.containers ?? [])
      : templateContainers(object);
  return containers.flatMap((c) =>
    (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })),
  );
}

/** `labels.Parse` of `a=b,c=d` (the `--selector` and `--labels` flags). */
function parseLabelMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const [key = '', value = ''] = pair.split('=');
    if (key) map[key.trim()] = value.trim();
  }
  return map;
}

/** The `service/v2` generator: ports named `port-N` when there are several, target port = port unless given. */
function generateService(ctx: CommandContext, info: ResourceInfo): KubeObject {
  const object = info.object;
  const name = flagString(ctx, 'name') || (object.metadata.name ?? '').slice(0, DNS1035_MAX);
  const selectorFlag = flagString(ctx, 'selector');
  let selector: Record<string, string>;
  try {
    selector = selectorFlag ? parseLabelMap(selectorFlag) : selectorFor(object);
  } catch (e) {
    throw usageError(
      `couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`,
      ctx.commandPath,
    );
  }
  const clusterIp = flagString(ctx, 'cluster-ip');
  const protocolFlag = flagString(ctx, 'protocol');
  const portFlag = flagString(ctx, 'port');
  const known = portsFor(object);
  let ports: PortSpec[];
  if (portFlag) {
    const port = Number(portFlag);
    if (!Number.isInteger(port)) throw clientError(`strconv.Atoi: parsing "${portFlag}": invalid syntax`);
    ports = [{ port, protocol: known.find((p) => p.port === port)?.protocol ?? 'TCP' }];
  } else {
    ports = known;
    if (ports.length === 0 && clusterIp !== 'None') {
      throw usageError("couldn't find port via --port flag or introspection", ctx.commandPath);
    }
  }
  const targetPort = flagString(ctx, 'target-port') || flagString(ctx, 'container-port');
  const servicePorts = ports.map((p, i) => {
    const target = targetPort ? (/^\d+$/.test(targetPort) ? Number(targetPort) : targetPort) : p.port;
    return {
      ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
      port: p.port,
      protocol: protocolFlag || p.protocol,
      targetPort: target,
    };
  });
  const labelsFlag = flagString(ctx, 'labels');
  const labels = labelsFlag ? parseLabelMap(labelsFlag) : { ...object.metadata.labels };
  const spec: Record<string, unknown> = { ports: servicePorts, selector };
  const type = flagString(ctx, 'type');
  if (type) spec.type = type;
  if (clusterIp) spec.clusterIP = clusterIp;
  const externalIp = flagString(ctx, 'external-ip');
  if (externalIp) spec.externalIPs = [externalIp];
  const loadBalancerIp = flagString(ctx, 'load-balancer-ip');
  if (loadBalancerIp) spec.loadBalancerIP = loadBalancerIp;
  const affinity = flagString(ctx, 'session-affinity');
  if (affinity) spec.sessionAffinity = affinity;
  const metadata: KubeObject['metadata'] = { name };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  return recordChangeCause(ctx, { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } });
}

function runExpose(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw usageError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      ctx.commandPath,
    );
  }
  const { infos } = fetchTargets(ctx, { verb: 'expose', requireSelection: true });
  const services = resolveResourceType(ctx.api, 'services');
  for (const info of infos) {
    try {
      if (!EXPOSABLE.includes(groupResource(info.resource))) {
        throw clientError(`cannot expose a ${groupKind(info.resource)}`);
      }
      createAndReport(ctx, { resource: services, object: generateService(ctx, info) }, { operation: 'exposed' });
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
}

export const exposeCommand: CommandDef = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  use: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    ...CREATE_FLAGS,
    RECORD_FLAG,
    ...FILENAME_FLAGS,
    {
      name: 'container-port',
      type: 'string',
      deprecated: '--container-port will be removed in the future, please use --target-port instead',
    },
    ...defineFlags(
      'protocol:string port:string type:string load-balancer-ip:string selector:string labels,l:string ' +
        'target-port:string external-ip:string overrides:string name:string session-affinity:string ' +
        'cluster-ip:string kustomize,k:string template:string allow-missing-template-keys:bool show-managed-fields:bool',
    ),
  ],
  run: runExpose,
};
