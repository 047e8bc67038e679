/**
 * `kubectl drain` (KC:pkg/cmd/drain/drain.go RunDrain; KC:pkg/drain/drain.go, filters.go): cordons the node, sorts
 * its pods through the filters (DaemonSet pods, mirror pods, local storage, pods without a controller), then
 * evicts the rest through the eviction API — retrying every 5 s while a PodDisruptionBudget says no — and waits
 * for each to be gone.
 */
import type { Pod } from '../../api/kinds';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { KubectlError, apiError, usageError } from '../errors';
import { SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { parseGoDuration } from '../flags/parseFlags';
import { kindAndName } from '../resourceArgs';
import { fetchTargets } from '../targets';
import { formatGoDuration } from '../../kubelet/goDuration';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
/** drain.go: a refused eviction is tried again after 5 s; deletion is polled every second. */
const EVICTION_RETRY_MS = 5_000;
const DELETE_POLL_MS = 1_000;
/**
 * Without `--timeout` kubectl retries until interrupted; the playground stops after a minute of cluster time (twelve
 * refused evictions make the point).
 */
const UNBOUNDED_WAIT_MS = 60_000;

type Verdict = { delete: true; warning?: string } | { delete: false; error?: string; warning?: string };

interface DrainOptions {
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
}

const finished = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata.ownerReferences?.find((ref) => ref.controller);

/** filters.go makeFilters, in order; the first filter that keeps a pod decides. */
function judgePod(pod: Pod, options: DrainOptions): Verdict {
  if (controllerOf(pod)?.kind === 'DaemonSet' && !finished(pod)) {
    if (!options.ignoreDaemonSets)
      return { delete: false, error: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
    return { delete: false, warning: 'ignoring DaemonSet-managed Pods' };
  }
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return { delete: false };
  let warning: string | undefined;
  if ((pod.spec.volumes ?? []).some((v) => v.emptyDir) && !finished(pod)) {
    if (!options.deleteEmptyDirData)
      return { delete: false, error: 'Pods with local storage (use --delete-emptydir-data to override)' };
    warning = 'deleting Pods with local storage';
  }
  if (!controllerOf(pod) && !finished(pod)) {
    if (!options.force) return { delete: false, error: 'Pods that declare no controller (use --force to override)' };
    warning = 'deleting Pods that declare no controller';
  }
  return warning ? { delete: true, warning } : { delete: true };
}

/** PodDeleteList.errors / Warnings: pods grouped by message (sorted here; kubectl's map order varies). */
function grouped(entries: readonly { message: string; pod: Pod }[]): [string, string][] {
  const byMessage = new Map<string, string[]>();
  for (const { message, pod } of entries)
    byMessage.set(message, [...(byMessage.get(message) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  return [...byMessage.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, pods]) => [m, pods.join(', ')]);
}

function runDrain(ctx: CommandContext): void {
  const selector = flagString(ctx, 'selector');
  if (ctx.args.length === 0 && !selector) throw usageError('USAGE: drain NODE [flags]', ctx.commandPath);
  const timeout = parseGoDuration(flagString(ctx, 'timeout', '0s')) ?? 0;
  const options: DrainOptions = {
    ignoreDaemonSets: flagBool(ctx, 'ignore-daemonsets'),
    deleteEmptyDirData: flagBool(ctx, 'delete-emptydir-data'),
    force: flagBool(ctx, 'force'),
  };
  const args = selector ? ['nodes'] : ctx.args.map((name) => `nodes/${name}`);
  const pending: string[] = [];
  let fatal: KubectlError | undefined;
  for (const info of fetchTargets(ctx, { args, verb: 'drain' }).infos) {
    const name = info.object.metadata.name ?? '';
    const node = info.object as KubeObject & { spec?: { unschedulable?: boolean } };
    if (node.spec?.unschedulable) ctx.out.stdout += `${kindAndName(info.resource, name)} already cordoned\n`;
    else {
      const cordoned = ctx.api.patch(info.resource, undefined, name, 'strategic', { spec: { unschedulable: true } });
      if (!cordoned.ok) throw apiError(cordoned.error);
      ctx.out.stdout += `${kindAndName(info.resource, name)} cordoned\n`;
    }
    const errors = drainNode(ctx, name, options, timeout);
    if (errors.length === 0) {
      ctx.out.stdout += `${kindAndName(info.resource, name)} drained\n`;
      continue;
    }
    const text = errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
    ctx.out.stderr += `error: unable to drain node "${name}" due to error: ${text}, continuing command...\n`;
    pending.push(name);
    // cmdutil.CheckErr prints an aggregate one error per line, without the `error: ` prefix.
    fatal = new KubectlError(errors.join('\n'), undefined, 1, true);
  }
  if (pending.length > 0)
    ctx.out.stderr += `There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`;
  if (fatal) throw fatal;
}

/** Drains one node's pods; returns the errors (empty when the node is drained). */
function drainNode(ctx: CommandContext, node: string, options: DrainOptions, timeout: number): string[] {
  const listed = ctx.api.list(ctx.api.resolveResource('pods')!, undefined, { fieldSelector: `spec.nodeName=${node}` });
  if (!listed.ok) throw apiError(listed.error);
  const pods = listed.value as unknown as Pod[];
  const verdicts = pods.map((pod) => ({ pod, verdict: judgePod(pod, options) }));
  const errors = grouped(
    verdicts.flatMap(({ pod, verdict }) => (!verdict.delete && verdict.error ? [{ message: verdict.error, pod }] : [])),
  ).map(([message, list]) => `cannot delete ${message}: ${list}`);
  if (errors.length > 0) return errors;
  const warnings = grouped(
    verdicts.flatMap(({ pod, verdict }) => (verdict.warning ? [{ message: verdict.warning, pod }] : [])),
  );
  if (warnings.length > 0) ctx.out.stderr += `Warning: ${warnings.map(([m, list]) => `${m}: ${list}`).join('; ')}\n`;
  const toEvict = verdicts.filter(({ verdict }) => verdict.delete).map(({ pod }) => pod);
  return evictAll(ctx, toEvict, timeout);
}

/** evictPods: every pod evicted (each retried while refused) and waited for, as kubectl's goroutines do. */
function evictAll(ctx: CommandContext, pods: readonly Pod[], timeout: number): string[] {
  const pendingEviction = new Map(pods.map((pod) => [pod.metadata.uid, pod]));
  const awaitingDelete = new Map<string | undefined, Pod>();
  const errors: string[] = [];
  const deadline = ctx.api.now() + (timeout > 0 ? timeout : UNBOUNDED_WAIT_MS);
  let nextAttempt = ctx.api.now();
  const podsResource = ctx.api.resolveResource('pods')!;
  const gone = (pod: Pod) => {
    const current = ctx.api.get(podsResource, pod.metadata.namespace, pod.metadata.name);
    return !current.ok || current.value.metadata.uid !== pod.metadata.uid;
  };
  while (pendingEviction.size > 0 || awaitingDelete.size > 0) {
    if (ctx.api.now() >= nextAttempt && pendingEviction.size > 0) {
      for (const [uid, pod] of pendingEviction) {
        const { namespace = 'default', name } = pod.metadata;
        ctx.out.stdout += `evicting pod ${namespace}/${name}\n`;
        const result = ctx.api.evict(namespace, name);
        if (result.ok || result.error.code === 404) {
          pendingEviction.delete(uid);
          if (result.ok) awaitingDelete.set(uid, pod);
        } else if (result.error.code === 429) {
          ctx.out.stderr += `error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${result.error.message}\n`;
        } else {
          pendingEviction.delete(uid);
          errors.push(`error when evicting pods/"${name}" -n "${namespace}": ${result.error.message}`);
        }
      }
      nextAttempt = ctx.api.now() + EVICTION_RETRY_MS;
    }
    for (const [uid, pod] of awaitingDelete) {
      if (!gone(pod)) continue;
      awaitingDelete.delete(uid);
      ctx.out.stdout += `pod/${pod.metadata.name} evicted\n`;
    }
    if (pendingEviction.size === 0 && awaitingDelete.size === 0) break;
    const wakeAt = Math.min(pendingEviction.size > 0 ? nextAttempt : Infinity, ctx.api.now() + DELETE_POLL_MS);
    if (wakeAt > deadline) {
      if (timeout <= 0)
        ctx.out.hints.push(
          'kubectl drain retries until every pod is gone; the playground stopped after a minute of cluster time.',
        );
      const limit = formatGoDuration(timeout > 0 ? timeout : UNBOUNDED_WAIT_MS);
      for (const { metadata } of pendingEviction.values())
        errors.push(
          `error when evicting pods/"${metadata.name}" -n "${metadata.namespace}": global timeout reached: ${limit}`,
        );
      for (const { metadata } of awaitingDelete.values())
        errors.push(
          `error when waiting for pod "${metadata.name}" in namespace "${metadata.namespace}" to terminate: global timeout reached: ${limit}`,
        );
      break;
    }
    ctx.host.waitUntil(() => ctx.api.now() >= wakeAt, wakeAt - ctx.api.now());
  }
  return errors;
}

export const drainCommand: CommandDef = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  use: 'kubectl drain NODE [options]',
  flags: [
    SELECTOR_FLAG,
    ...defineFlags(
      'ignore-daemonsets:bool delete-emptydir-data:bool force:bool timeout:duration grace-period:int disable-eviction:bool',
    ),
  ],
  run: runDrain,
};
