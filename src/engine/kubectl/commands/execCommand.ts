/** `kubectl exec` (`KC:pkg/cmd/exec/exec.go`). */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { apiError, clientError, exitError, usageError } from '../errors';
import { CONTAINER_FLAG, FILENAME_FLAG } from '../flags/commonFlags';
import { hintsForText } from '../hints';
import { getObject, groupResource, parseResourceArgs, resolveResourceType } from '../resourceArgs';
import { defaultContainer, hasContainer } from './podContainer';

function runExec(ctx: CommandContext): void {
  const [target] = ctx.args;
  if (target === undefined || ctx.flags.argsLenAtDash === 0) {
    throw usageError(
      "expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command",
      ctx.commandPath,
    );
  }
  let command: string[];
  if (ctx.flags.argsLenAtDash > -1) command = ctx.args.slice(ctx.flags.argsLenAtDash);
  else {
    command = ctx.args.slice(1);
    if (command.length > 0) {
      ctx.out.stderr +=
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';
    }
  }
  if (command.length === 0) throw clientError('you must specify at least one command for the container');
  const ref = target.includes('/')
    ? parseResourceArgs(ctx.api, [target])[0]
    : { resource: resolveResourceType(ctx.api, 'pods'), name: target };
  if (!ref || ref.name === undefined || groupResource(ref.resource) !== 'pods') {
    // Simplification: exec into a workload (deploy/NAME) comes in a later version.
    throw clientError(`cannot exec into ${target}`);
  }
  const pod = getObject(ctx.api, ref.resource, ctx.namespace, ref.name).object as unknown as IPod;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw clientError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  let container = flagString(ctx, 'container');
  if (container === '') container = defaultContainer(ctx, pod) ?? '';
  else if (!hasContainer(pod, container))
    throw clientError(`container ${container} not found in pod ${pod.metadata?.name ?? ''}`);
  // Interactive terminals (-it) are the page's job: here stdin is what was piped in, if -i was given.
  const stdin = flagBool(ctx, 'stdin') ? ctx.stdin : undefined;
  const result = ctx.host.exec(ctx.namespace, pod.metadata?.name ?? '', container, command, stdin);
  if (!result.ok) throw apiError(result.error);
  ctx.out.stdout += result.value.stdout;
  ctx.out.stderr += result.value.stderr;
  if (result.value.exitCode !== 0) {
    ctx.out.hints.push(...hintsForText(result.value.stderr));
    throw exitError(result.value.exitCode);
  }
}

export const execCommand: CommandDef = {
  name: 'exec',
  short: 'Execute a command in a container',
  use: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    CONTAINER_FLAG,
    FILENAME_FLAG,
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration' },
  ],
  run: runExec,
};
