/** `kubectl exec` (`KC:pkg/cmd/exec/exec.go`). */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { apiError, clientError, exitError } from '../errors';
import { CONTAINER_FLAG, FILENAME_FLAGS } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { parseGoDuration } from '../flags/parseFlags';
import { hintsForText } from '../hints';
import { readManifestRefs } from '../manifests';
import { defaultContainer } from './podContainer';
import { resolvePod } from './resolvePod';

const DEFAULT_POD_EXEC_TIMEOUT_MS = 60_000;

function runExec(ctx: CommandContext): void {
  const dash = ctx.flags.argsLenAtDash;
  let target = ctx.args.length > 0 && dash !== 0 ? ctx.args[0] : undefined;
  // kubernetes#125437 (v1.31) removed `kubectl exec POD COMMAND` without `--`.
  if (dash < 0 && ctx.args.length > 1) {
    throw clientError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  }
  const command = dash >= 0 ? ctx.args.slice(dash) : [];
  if (target === undefined && flagList(ctx, 'filename').length > 0) {
    const [ref] = readManifestRefs(ctx, 'exec');
    if (ref?.name !== undefined) target = `${ref.resource.plural}/${ref.name}`;
  }
  if (target === undefined) throw clientError('pod, type/name or --filename must be specified');
  if (command.length === 0) throw clientError('you must specify at least one command for the container');
  const timeout = parseGoDuration(flagString(ctx, 'pod-running-timeout', '1m')) ?? DEFAULT_POD_EXEC_TIMEOUT_MS;
  const pod = resolvePod(ctx, target, 'active', timeout);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw clientError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  // A named container is checked by the server (`container x is not valid for pod y`).
  const container = flagString(ctx, 'container') || defaultContainer(ctx, pod, !flagBool(ctx, 'quiet'));
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
    ...FILENAME_FLAGS,
    ...defineFlags('stdin,i:bool tty,t:bool quiet,q:bool pod-running-timeout:duration'),
  ],
  run: runExec,
};
