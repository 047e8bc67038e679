/**
 * `kubectl top pod|node` (`KC:pkg/cmd/top/top_pod.go, top_node.go`, `pkg/metricsutil/metrics_printer.go`). Like
 * kubectl, it reads the metrics.k8s.io API: until the cluster serves `pods.metrics.k8s.io` and
 * `nodes.metrics.k8s.io` (a metrics-server), it reports `Metrics API not available`.
 */
import type { ApiClient, KubeObject, ResourceType } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { apiError, clientError } from '../errors';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { parseQuantity, quantityToMilli, quantityValue } from '../../api/quantity/quantity';
import { renderTable } from '../printers/printObjects';
import { resolveResourceType } from '../resourceArgs';

type Usage = Record<string, unknown>;

interface PodMetrics extends KubeObject {
  containers?: { name: string; usage?: Usage }[];
}

interface NodeMetrics extends KubeObject {
  usage?: Usage;
}

const amount = (value: unknown, resource: string): number => {
  const parsed = parseQuantity(String(value ?? '0'));
  if (!parsed.ok) return 0;
  return resource === 'cpu' ? quantityToMilli(parsed.value) : quantityValue(parsed.value);
};

/** `metricsutil`: cpu in millicores, memory in mebibytes. */
const cpuText = (milli: number) => `${milli}m`;
const memoryText = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))}Mi`;

/** The metrics.k8s.io resource, or kubectl's error when the API is not served. */
function metricsResource(api: ApiClient, plural: string): ResourceType {
  const found = api.resolveResource(`${plural}.metrics.k8s.io`);
  if (!found) throw clientError('Metrics API not available');
  return found;
}

function list(ctx: CommandContext, resource: ResourceType, namespace: string | undefined): KubeObject[] {
  const [name] = ctx.args;
  if (name !== undefined) {
    const got = ctx.api.get(resource, namespace, name);
    if (!got.ok) throw apiError(got.error);
    return [got.value];
  }
  const selector = flagString(ctx, 'selector') || undefined;
  const listed = ctx.api.list(resource, namespace, { labelSelector: selector });
  if (!listed.ok) throw apiError(listed.error);
  return listed.value;
}

function sortRows<T>(rows: T[], key: (row: T) => { cpu: number; memory: number }, by: string): T[] {
  if (by !== 'cpu' && by !== 'memory') return rows;
  return [...rows].sort((a, b) => key(b)[by] - key(a)[by]);
}

function runTopPod(ctx: CommandContext): void {
  const resource = metricsResource(ctx.api, 'pods');
  const allNamespaces = flagBool(ctx, 'all-namespaces');
  const namespace = allNamespaces ? undefined : ctx.namespace;
  const metrics = list(ctx, resource, namespace) as PodMetrics[];
  if (metrics.length === 0) {
    const pods = ctx.api.list(resolveResourceType(ctx.api, 'pods'), namespace, {
      labelSelector: flagString(ctx, 'selector') || undefined,
    });
    if (pods.ok && pods.value.length > 0) throw clientError('metrics not available yet');
    ctx.out.stderr += allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`;
    return;
  }
  const containers = flagBool(ctx, 'containers');
  const rows = metrics.flatMap((m) => {
    const entries = containers
      ? (m.containers ?? []).map((c) => ({ container: c.name, usage: [c.usage ?? {}] }))
      : [{ container: undefined, usage: (m.containers ?? []).map((c) => c.usage ?? {}) }];
    return entries.map((e) => ({
      namespace: m.metadata.namespace ?? '',
      pod: m.metadata.name ?? '',
      container: e.container,
      cpu: e.usage.reduce((sum, u) => sum + amount(u.cpu, 'cpu'), 0),
      memory: e.usage.reduce((sum, u) => sum + amount(u.memory, 'memory'), 0),
    }));
  });
  const sorted = sortRows(rows, (r) => r, flagString(ctx, 'sort-by'));
  const header = [
    ...(allNamespaces ? ['NAMESPACE'] : []),
    containers ? 'POD' : 'NAME',
    ...(containers ? ['NAME'] : []),
    'CPU(cores)',
    'MEMORY(bytes)',
  ];
  const table = sorted.map((r) => [
    ...(allNamespaces ? [r.namespace] : []),
    r.pod,
    ...(containers ? [r.container ?? ''] : []),
    cpuText(r.cpu),
    memoryText(r.memory),
  ]);
  ctx.out.stdout += renderTable(flagBool(ctx, 'no-headers') ? table : [header, ...table]);
}

function runTopNode(ctx: CommandContext): void {
  const resource = metricsResource(ctx.api, 'nodes');
  const metrics = list(ctx, resource, undefined) as NodeMetrics[];
  const nodes = ctx.api.list(resolveResourceType(ctx.api, 'nodes'), undefined);
  const byName = new Map((nodes.ok ? nodes.value : []).map((n) => [n.metadata.name ?? '', n]));
  const field = flagBool(ctx, 'show-capacity') ? 'capacity' : 'allocatable';
  const rows = metrics.map((m) => {
    const status = byName.get(m.metadata.name ?? '')?.status as Record<string, Usage> | undefined;
    const available = status?.[field] ?? {};
    const cpu = amount(m.usage?.cpu, 'cpu');
    const memory = amount(m.usage?.memory, 'memory');
    const percent = (used: number, total: number) => (total > 0 ? `${Math.trunc((used / total) * 100)}%` : '<unknown>');
    return {
      cells: [
        m.metadata.name ?? '',
        cpuText(cpu),
        percent(cpu, amount(available.cpu, 'cpu')),
        memoryText(memory),
        percent(memory, amount(available.memory, 'memory')),
      ],
      cpu,
      memory,
    };
  });
  const header = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
  const table = sortRows(rows, (r) => r, flagString(ctx, 'sort-by')).map((r) => r.cells);
  ctx.out.stdout += renderTable(flagBool(ctx, 'no-headers') ? table : [header, ...table]);
}

export const topCommand: CommandDef = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  use: 'kubectl top [flags] [options]',
  subcommands: [
    {
      name: 'node',
      aliases: ['nodes', 'no'],
      short: 'Display resource (CPU/memory) usage of nodes',
      use: 'kubectl top node [NAME | -l label] [options]',
      flags: [
        SELECTOR_FLAG,
        ...defineFlags('sort-by:string no-headers:bool show-capacity:bool use-protocol-buffers:bool'),
      ],
      run: runTopNode,
    },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      short: 'Display resource (CPU/memory) usage of pods',
      use: 'kubectl top pod [NAME | -l label] [options]',
      flags: [
        SELECTOR_FLAG,
        FIELD_SELECTOR_FLAG,
        ALL_NAMESPACES_FLAG,
        ...defineFlags('containers:bool sort-by:string no-headers:bool sum:bool use-protocol-buffers:bool'),
      ],
      run: runTopPod,
    },
  ],
};
