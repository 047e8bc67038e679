/**
 * `kubectl top pod|node` (`KC:pkg/cmd/top/top_pod.go, top_node.go`, `pkg/metricsutil/metrics_printer.go`): reads
 * the metrics.k8s.io API (metrics-server) and prints CPU in millicores and memory in Mi. Every cell is tab-terminated,
 * so the last column is padded too. Without the API it reports `Metrics API not available`; with no metrics yet for
 * pods younger than 2 minutes, `metrics not available yet`.
 */
import type { Pod } from '../../api/kinds';
import { parseQuantity, quantityToMilli, type Quantity } from '../../api/quantity/quantity';
import type { ApiClient, KubeObject, ResourceType } from '../../api/types';
import { formatGoDuration } from '../../kubelet/goDuration';
import { parseTimestamp } from '../../runtime/time';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { apiError, clientError } from '../errors';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { TABLE_TABWRITER, alignTabs } from '../format/tabwriter';
import { resolveResourceType } from '../resourceArgs';

type Usage = Record<string, string | undefined>;

interface PodMetrics extends KubeObject {
  containers?: { name: string; usage?: Usage }[];
}

interface NodeMetrics extends KubeObject {
  usage?: Usage;
}

/** cpu and memory in nano-units, summed exactly as resource.Quantity.Add does. */
interface Amounts {
  cpu: bigint;
  memory: bigint;
}

/** `metricsCreationDelay`: a pod older than this without metrics is reported by name. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;
const UNKNOWN = '<unknown>';

function nanos(value: string | undefined): bigint {
  const parsed = parseQuantity(value ?? '0');
  return parsed.ok ? BigInt(parsed.value.nanos) : 0n;
}

const quantityOf = (n: bigint): Quantity => ({ nanos: n.toString(), format: 'DecimalSI' });
const milliOf = (n: bigint) => quantityToMilli(quantityOf(n));

function amountsOf(usage: Usage | undefined): Amounts {
  return { cpu: nanos(usage?.cpu), memory: nanos(usage?.memory) };
}

function addAmounts(a: Amounts, b: Amounts): Amounts {
  return { cpu: a.cpu + b.cpu, memory: a.memory + b.memory };
}

/** printSingleResourceUsage: `%vm` of MilliValue for cpu, `%vMi` of Value / 2^20 for memory. */
function usageCells(amounts: Amounts): string[] {
  const bytes = (amounts.memory + 999_999_999n) / 1_000_000_000n;
  return [`${milliOf(amounts.cpu)}m`, `${bytes / 1_048_576n}Mi`];
}

/** One tab-terminated line per row, aligned as kubectl's tabwriter aligns them. */
function printRows(ctx: CommandContext, rows: string[][]): void {
  const text = rows.map((row) => `${row.map((cell) => `${cell}\t`).join('')}\n`).join('');
  ctx.out.stdout += alignTabs(text, [], TABLE_TABWRITER).output;
}

/** The metrics.k8s.io resource, or kubectl's error when no APIService serves it. */
function metricsResource(api: ApiClient, plural: string): ResourceType {
  const found = api.resolveResource(`${plural}.metrics.k8s.io`);
  if (!found) throw clientError('Metrics API not available');
  return found;
}

function checkSortBy(ctx: CommandContext): string {
  const sortBy = flagString(ctx, 'sort-by');
  if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory')
    throw clientError('--sort-by accepts only cpu or memory');
  return sortBy;
}

/** The sorters: by name (namespace first with -A), or by usage, highest first. */
function sortByUsage<T extends { name: string; namespace?: string; amounts: Amounts }>(rows: T[], sortBy: string): T[] {
  const byName = (a: T, b: T) =>
    (a.namespace ?? '') < (b.namespace ?? '')
      ? -1
      : (a.namespace ?? '') > (b.namespace ?? '')
        ? 1
        : a.name < b.name
          ? -1
          : a.name > b.name
            ? 1
            : 0;
  if (sortBy === 'cpu')
    return [...rows].sort((a, b) => milliOf(b.amounts.cpu) - milliOf(a.amounts.cpu) || byName(a, b));
  if (sortBy === 'memory')
    return [...rows].sort((a, b) =>
      b.amounts.memory > a.amounts.memory ? 1 : b.amounts.memory < a.amounts.memory ? -1 : byName(a, b),
    );
  return [...rows].sort(byName);
}

/** verifyEmptyMetrics: why the list came back empty. */
function explainEmptyPodMetrics(ctx: CommandContext, namespace: string | undefined): void {
  const pods = ctx.api.list(resolveResourceType(ctx.api, 'pods'), namespace, {
    labelSelector: flagString(ctx, 'selector') || undefined,
    fieldSelector: flagString(ctx, 'field-selector') || undefined,
  });
  if (!pods.ok) throw apiError(pods.error);
  if (pods.value.length === 0) {
    ctx.out.stderr +=
      namespace === undefined ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
    return;
  }
  for (const pod of pods.value as Pod[]) {
    const age = ctx.api.now() - (parseTimestamp(pod.metadata.creationTimestamp) ?? ctx.api.now());
    if (age > METRICS_CREATION_DELAY_MS) {
      throw clientError(
        `Metrics not available for pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name}, age: ${formatGoDuration(age)}`,
      );
    }
  }
  throw clientError('metrics not available yet');
}

function runTopPod(ctx: CommandContext): void {
  const sortBy = checkSortBy(ctx);
  const resource = metricsResource(ctx.api, 'pods');
  const allNamespaces = flagBool(ctx, 'all-namespaces');
  const namespace = allNamespaces ? undefined : ctx.namespace;
  const [name] = ctx.args;
  let metrics: PodMetrics[];
  if (name !== undefined) {
    const got = ctx.api.get(resource, namespace, name);
    if (!got.ok) throw apiError(got.error);
    metrics = [got.value as PodMetrics];
  } else {
    const listed = ctx.api.list(resource, namespace, {
      labelSelector: flagString(ctx, 'selector') || undefined,
      fieldSelector: flagString(ctx, 'field-selector') || undefined,
    });
    if (!listed.ok) throw apiError(listed.error);
    metrics = listed.value as PodMetrics[];
  }
  if (metrics.length === 0) return explainEmptyPodMetrics(ctx, namespace);

  const containers = flagBool(ctx, 'containers');
  const pods = sortByUsage(
    metrics.map((m) => ({
      name: m.metadata.name ?? '',
      namespace: allNamespaces ? (m.metadata.namespace ?? '') : undefined,
      metrics: m,
      amounts: (m.containers ?? []).reduce((sum, c) => addAmounts(sum, amountsOf(c.usage)), { cpu: 0n, memory: 0n }),
    })),
    sortBy,
  );
  const prefix = (namespaceName: string | undefined) => (allNamespaces ? [namespaceName ?? ''] : []);
  const rows: string[][] = [];
  if (!flagBool(ctx, 'no-headers'))
    rows.push([...prefix('NAMESPACE'), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  for (const pod of pods) {
    if (!containers) {
      rows.push([...prefix(pod.namespace), pod.name, ...usageCells(pod.amounts)]);
      continue;
    }
    for (const c of pod.metrics.containers ?? [])
      rows.push([...prefix(pod.namespace), pod.name, c.name, ...usageCells(amountsOf(c.usage))]);
  }
  if (flagBool(ctx, 'sum')) {
    // printPodResourcesSum: a rule under the usage columns, then the totals.
    const blanks = rows[0]!.length - 2;
    const total = pods.reduce((sum, p) => addAmounts(sum, p.amounts), { cpu: 0n, memory: 0n });
    rows.push([...Array<string>(blanks).fill(''), '________', '________']);
    rows.push([...Array<string>(blanks).fill(''), ...usageCells(total)]);
  }
  printRows(ctx, rows);
}

function runTopNode(ctx: CommandContext): void {
  const sortBy = checkSortBy(ctx);
  const resource = metricsResource(ctx.api, 'nodes');
  const nodesResource = resolveResourceType(ctx.api, 'nodes');
  const [name] = ctx.args;
  const selector = flagString(ctx, 'selector') || undefined;
  let metrics: NodeMetrics[];
  let nodes: KubeObject[];
  if (name !== undefined) {
    const got = ctx.api.get(resource, undefined, name);
    if (!got.ok) throw apiError(got.error);
    metrics = [got.value as NodeMetrics];
  } else {
    const listed = ctx.api.list(resource, undefined, { labelSelector: selector });
    if (!listed.ok) throw apiError(listed.error);
    metrics = listed.value as NodeMetrics[];
  }
  if (metrics.length === 0) throw clientError('metrics not available yet');
  if (name !== undefined) {
    const node = ctx.api.get(nodesResource, undefined, name);
    if (!node.ok) throw apiError(node.error);
    nodes = [node.value];
  } else {
    const listed = ctx.api.list(nodesResource, undefined, { labelSelector: selector });
    if (!listed.ok) throw apiError(listed.error);
    nodes = listed.value;
  }
  const field = flagBool(ctx, 'show-capacity') ? 'capacity' : 'allocatable';
  const available = new Map(
    nodes.map((n) => [n.metadata.name ?? '', (n.status as Record<string, Usage> | undefined)?.[field] ?? {}]),
  );
  const rows: string[][] = [];
  if (!flagBool(ctx, 'no-headers')) rows.push(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  const measured = sortByUsage(
    metrics.map((m) => ({ name: m.metadata.name ?? '', amounts: amountsOf(m.usage) })),
    sortBy,
  );
  for (const node of measured) {
    const [cpu, memory] = usageCells(node.amounts);
    const total = amountsOf(available.get(node.name));
    // int64(float64(usage.MilliValue()) / float64(available.MilliValue()) * 100)
    const percent = (used: bigint, of: bigint) =>
      available.has(node.name) ? `${Math.trunc((milliOf(used) / milliOf(of)) * 100)}%` : '';
    rows.push([
      node.name,
      cpu!,
      percent(node.amounts.cpu, total.cpu),
      memory!,
      percent(node.amounts.memory, total.memory),
    ]);
    available.delete(node.name);
  }
  for (const missing of [...available.keys()].sort()) rows.push([missing, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
  printRows(ctx, rows);
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
