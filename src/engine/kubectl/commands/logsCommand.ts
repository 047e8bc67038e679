/** `kubectl logs` (`KC:pkg/cmd/logs/logs.go`, `pkg/polymorphichelpers/logsforobject.go`). */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagGiven, flagInt, flagString } from '../command';
import { KubectlError, apiError, clientError, usageError } from '../errors';
import { CONTAINER_FLAG, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { parseGoDuration } from '../flags/parseFlags';
import type { LogOptions } from '../types';
import { listObjects, resolveResourceType } from '../resourceArgs';
import { allContainerNames, defaultContainer, hasContainer } from './podContainer';
import { resolvePod } from './resolvePod';

const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";
const DEFAULT_POD_LOGS_TIMEOUT_MS = 20_000;
/** With `-l`, kubectl shows the last 10 lines of each container unless `--tail` says otherwise. */
const SELECTOR_TAIL = 10;

interface LogTarget {
  pod: IPod;
  container: string;
}

/** The containers to read: all of them with `--all-containers` (init, app, ephemeral), else the named or default one. */
function containersOf(ctx: CommandContext, pod: IPod, named: string, announceDefault: boolean): string[] {
  if (flagBool(ctx, 'all-containers')) {
    return [
      ...(pod.spec?.initContainers ?? []),
      ...(pod.spec?.containers ?? []),
      ...(pod.spec?.ephemeralContainers ?? []),
    ].map((c) => c.name);
  }
  if (named === '') return [defaultContainer(ctx, pod, announceDefault) ?? ''];
  if (!hasContainer(pod, named)) {
    throw clientError(
      `container ${named} is not valid for pod ${pod.metadata?.name ?? ''} out of: ${allContainerNames(pod)}`,
    );
  }
  return [named];
}

/** `Complete`/`Validate`: what to read, from a pod argument or a `-l` selector. */
function logTargets(ctx: CommandContext): LogTarget[] {
  const selector = flagString(ctx, 'selector');
  const [target, containerArg, ...extra] = ctx.args;
  if ((target === undefined && selector === '') || extra.length > 0) throw usageError(USAGE, ctx.commandPath);
  if (target !== undefined && containerArg === undefined && selector !== '') {
    throw usageError('only a selector (-l) or a POD name is allowed', ctx.commandPath);
  }
  const named = flagString(ctx, 'container') || containerArg || '';
  if (flagBool(ctx, 'all-containers') && named !== '') {
    throw clientError(`--all-containers=true should not be specified with container name ${named}`);
  }
  if (target === undefined) {
    const pods = listObjects(ctx.api, resolveResourceType(ctx.api, 'pods'), ctx.namespace, false, {
      labelSelector: selector,
    });
    if (pods.length === 0) ctx.out.stderr += `No resources found in ${ctx.namespace} namespace.\n`;
    return pods.flatMap(({ object }) => {
      const pod = object as unknown as IPod;
      return containersOf(ctx, pod, named, false).map((container) => ({ pod, container }));
    });
  }
  const timeout = parseGoDuration(flagString(ctx, 'pod-running-timeout', '20s')) ?? DEFAULT_POD_LOGS_TIMEOUT_MS;
  let pod: IPod;
  try {
    pod = resolvePod(ctx, target, 'logging', timeout);
  } catch (e) {
    // kubernetes#120111 (v1.29): the namespace is named, and the error is no longer the server's own.
    if (!(e instanceof KubectlError) || e.status?.reason !== 'NotFound') throw e;
    throw clientError(`error from server (NotFound): ${e.message} in namespace "${ctx.namespace}"`);
  }
  return containersOf(ctx, pod, named, true).map((container) => ({ pod, container }));
}

function runLogs(ctx: CommandContext): void {
  const targets = logTargets(ctx);
  const options: LogOptions = { previous: flagBool(ctx, 'previous'), timestamps: flagBool(ctx, 'timestamps') };
  const tail = flagInt(ctx, 'tail', -1);
  if (tail < -1) throw clientError('--tail must be greater than or equal to -1');
  if (tail >= 0) options.tail = tail;
  else if (flagGiven(ctx, 'selector') && !flagGiven(ctx, 'tail')) options.tail = SELECTOR_TAIL;
  const since = flagString(ctx, 'since');
  if (since) options.sinceSeconds = Math.ceil((parseGoDuration(since) ?? 0) / 1000);
  const prefix = flagBool(ctx, 'prefix');
  for (const { pod, container } of targets) {
    const name = pod.metadata?.name ?? '';
    const result = ctx.host.logs(ctx.namespace, name, { ...options, container });
    if (!result.ok) {
      if (flagBool(ctx, 'ignore-errors')) continue;
      throw apiError(result.error);
    }
    // Simplification: `-f` prints what the container has logged so far; the page's terminal follows new lines.
    ctx.out.stdout += prefix ? result.value.replace(/^(?=.)/gm, `[pod/${name}/${container}] `) : result.value;
  }
}

export const logsCommand: CommandDef = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  use: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    CONTAINER_FLAG,
    SELECTOR_FLAG,
    ...defineFlags(
      'previous,p:bool follow,f:bool tail:int timestamps:bool since:duration since-time:string all-containers:bool ' +
        'all-pods:bool prefix:bool limit-bytes:int ignore-errors:bool pod-running-timeout:duration ' +
        'max-log-requests:int insecure-skip-tls-verify-backend:bool',
    ),
  ],
  run: runLogs,
};
