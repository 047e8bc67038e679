/** `kubectl logs` (`KC:pkg/cmd/logs/logs.go`, `pkg/polymorphichelpers/logsforobject.go`). */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagInt, flagString } from '../command';
import { apiError, clientError, usageError } from '../errors';
import { CONTAINER_FLAG, SELECTOR_FLAG } from '../flags/commonFlags';
import { parseGoDuration } from '../flags/parseFlags';
import type { LogOptions } from '../types';
import { getObject, groupResource, parseResourceArgs, resolveResourceType } from '../resourceArgs';
import { allContainerNames, defaultContainer, hasContainer } from './podContainer';

function runLogs(ctx: CommandContext): void {
  const [target, containerArg] = ctx.args;
  if (target === undefined) {
    throw usageError(
      "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
      ctx.commandPath,
    );
  }
  const ref = target.includes('/')
    ? parseResourceArgs(ctx.api, [target])[0]
    : { resource: resolveResourceType(ctx.api, 'pods'), name: target };
  if (!ref || ref.name === undefined) throw clientError(`cannot get the logs from ${target}`);
  if (groupResource(ref.resource) !== 'pods') {
    // Simplification: logs of a workload (deploy/NAME, job/NAME) come in a later version.
    throw clientError(`cannot get the logs from ${ref.resource.kind}`);
  }
  const pod = getObject(ctx.api, ref.resource, ctx.namespace, ref.name).object as unknown as IPod;
  let container = flagString(ctx, 'container') || containerArg || '';
  if (container === '') container = defaultContainer(ctx, pod) ?? '';
  else if (!hasContainer(pod, container)) {
    throw clientError(
      `container ${container} is not valid for pod ${pod.metadata?.name ?? ''} out of: ${allContainerNames(pod)}`,
    );
  }
  const options: LogOptions = {
    container,
    previous: flagBool(ctx, 'previous'),
    timestamps: flagBool(ctx, 'timestamps'),
  };
  const tail = flagInt(ctx, 'tail', -1);
  if (tail >= 0) options.tail = tail;
  const since = flagString(ctx, 'since');
  if (since) options.sinceSeconds = Math.ceil((parseGoDuration(since) ?? 0) / 1000);
  const result = ctx.host.logs(ctx.namespace, pod.metadata?.name ?? '', options);
  if (!result.ok) throw apiError(result.error);
  // Simplification: `-f` prints what the container has logged so far; the page's terminal follows new lines.
  ctx.out.stdout += result.value;
}

export const logsCommand: CommandDef = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  use: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    CONTAINER_FLAG,
    SELECTOR_FLAG,
    { name: 'previous', shorthand: 'p', type: 'bool' },
    { name: 'follow', shorthand: 'f', type: 'bool' },
    { name: 'tail', type: 'int' },
    { name: 'timestamps', type: 'bool' },
    { name: 'since', type: 'duration' },
    { name: 'since-time', type: 'string' },
    { name: 'all-containers', type: 'bool' },
    { name: 'prefix', type: 'bool' },
    { name: 'limit-bytes', type: 'int' },
    { name: 'ignore-errors', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration' },
    { name: 'max-log-requests', type: 'int' },
  ],
  run: runLogs,
};
