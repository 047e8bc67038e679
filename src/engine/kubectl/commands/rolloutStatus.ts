/**
 * `kubectl rollout status` (`KC:pkg/cmd/rollout/rollout_status.go`): prints the status line for the object as listed
 * and again on every change the watch sees, until the rollout is done, fails or times out. Time is virtual: the
 * cluster runs while kubectl waits (the host's `waitUntil`).
 */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagInt, flagList, flagString } from '../command';
import { KubectlError, clientError } from '../errors';
import { FILENAME_FLAGS } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { parseGoDuration } from '../flags/parseFlags';
import { namespaceFor } from '../resourceArgs';
import { statusViewerFor } from '../rollout/statusViewers';
import { fetchTargets } from '../targets';

/**
 * Without `--timeout` kubectl waits until interrupted; the simulator stops after this much virtual time (a stuck
 * Deployment reports ProgressDeadlineExceeded well before).
 */
const UNBOUNDED_WAIT_MS = 30 * 60_000;

function runRolloutStatus(ctx: CommandContext): void {
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError('required resource not specified');
  }
  const revision = flagInt(ctx, 'revision', 0);
  if (revision < 0) throw clientError(`revision must be a positive integer: ${revision}`);
  const { infos } = fetchTargets(ctx, { verb: 'rollout status' });
  if (ctx.out.errors.length > 0) return;
  if (infos.length !== 1) {
    throw clientError(
      `rollout status is only supported on individual resources and resource collections - ${infos.length} resources were found`,
    );
  }
  const info = infos[0] as (typeof infos)[number];
  const viewer = statusViewerFor(info.resource);
  const name = info.object.metadata.name ?? '';
  const namespace = namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace);
  const watch = flagBool(ctx, 'watch', true);
  let seenVersion: string | undefined;
  let failure: KubectlError | undefined;
  // One watch event: the object as listed, then each new resourceVersion.
  const observe = (): boolean => {
    const got = ctx.api.get(info.resource, namespace, name);
    if (!got.ok || got.value.metadata.uid !== info.object.metadata.uid) {
      failure = clientError('object has been deleted');
      return true;
    }
    if (got.value.metadata.resourceVersion === seenVersion) return false;
    seenVersion = got.value.metadata.resourceVersion;
    try {
      const status = viewer(got.value, revision);
      ctx.out.stdout += status.message;
      return status.done || !watch;
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      failure = e;
      return true;
    }
  };
  const timeout = parseGoDuration(flagString(ctx, 'timeout', '0s')) ?? 0;
  const finished = observe() || ctx.host.waitUntil(observe, timeout > 0 ? timeout : UNBOUNDED_WAIT_MS);
  if (failure) throw failure;
  if (!finished) {
    if (timeout <= 0) {
      ctx.out.hints.push(
        'kubectl rollout status waits until the rollout is done; the playground stopped waiting after 30 minutes of cluster time.',
      );
    }
    throw clientError('timed out waiting for the condition');
  }
}

export const rolloutStatusCommand: CommandDef = {
  name: 'status',
  short: 'Show the status of the rollout',
  use: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [...FILENAME_FLAGS, ...defineFlags('watch,w:bool revision:int timeout:duration kustomize,k:string')],
  run: runRolloutStatus,
};
