/** `kubectl run` (`KC:pkg/cmd/run/run.go`, `pkg/generate/versioned/run.go:BasicPod`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagInt, flagList, flagString } from '../command';
import { apiError, clientError, usageError } from '../errors';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG } from '../flags/commonFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { checkOutputFormat, printObjects } from '../printers/printObjects';
import { kindAndName, resolveResourceType } from '../resourceArgs';

function parseKeyValues(text: string, what: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw clientError(`invalid ${what}: ${pair}`);
    result[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return result;
}

/** The Pod `kubectl run` generates, as it prints it with `--dry-run=client -o yaml`. */
function generateRunPod(ctx: CommandContext, name: string, image: string, command: string[]): KubeObject {
  const restart = flagString(ctx, 'restart', 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw clientError(`invalid restart policy: ${restart}`);
  const labelsFlag = flagString(ctx, 'labels');
  const labels = labelsFlag ? parseKeyValues(labelsFlag, 'label spec') : { run: name };
  const container: Record<string, unknown> = { name, image, resources: {} };
  if (command.length > 0) container[flagBool(ctx, 'command') ? 'command' : 'args'] = command;
  const env = flagList(ctx, 'env');
  if (env.length > 0) {
    container.env = env.map((e) => {
      const eq = e.indexOf('=');
      return eq < 0 ? { name: e } : { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  }
  const port = flagInt(ctx, 'port', -1);
  if (port >= 0) container.ports = [{ containerPort: port }];
  const pullPolicy = flagString(ctx, 'image-pull-policy');
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  if (flagBool(ctx, 'stdin')) container.stdin = true;
  if (flagBool(ctx, 'tty')) container.tty = true;
  const annotations = flagList(ctx, 'annotations');
  const metadata: KubeObject['metadata'] = {
    // kubectl's generated objects carry a null creationTimestamp (metav1.Time zero value).
    creationTimestamp: null as unknown as string,
    labels,
    name,
  };
  if (annotations.length > 0) metadata.annotations = parseKeyValues(annotations.join(','), 'annotation');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
}

function runRun(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  checkOutputFormat(output);
  const [name, ...rest] = ctx.args;
  if (name === undefined) throw usageError('NAME is required for run', ctx.commandPath);
  const image = flagString(ctx, 'image');
  if (image === '') throw clientError('--image is required');
  const pod = generateRunPod(ctx, name, image, rest);
  const dryRun = dryRunStrategy(ctx);
  const resource = resolveResourceType(ctx.api, 'pods');
  let result = pod;
  if (dryRun !== 'client') {
    const sent = { ...pod, metadata: { ...pod.metadata, namespace: ctx.namespace } };
    delete sent.metadata.creationTimestamp;
    const created = ctx.api.create(sent, { dryRun: dryRun === 'server' });
    if (!created.ok) throw apiError(created.error);
    result = created.value;
  }
  if (output === '') ctx.out.stdout += `${kindAndName(resource, name)} created${dryRunSuffix(dryRun)}\n`;
  else {
    ctx.out.stdout += printObjects([{ resource, object: result }], { output, singleItem: true, nowMs: ctx.api.now() });
  }
}

export const runCommand: CommandDef = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  use: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    FIELD_MANAGER_FLAG,
    { name: 'image', type: 'string' },
    { name: 'restart', type: 'string' },
    { name: 'port', type: 'int' },
    { name: 'labels', shorthand: 'l', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'command', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    // Interactive sessions (-i, -t, --rm, --attach) are the page terminal's job; kubectl here only creates the Pod.
    { name: 'stdin', shorthand: 'i', type: 'bool' },
    { name: 'tty', shorthand: 't', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'quiet', shorthand: 'q', type: 'bool' },
    { name: 'overrides', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'expose', type: 'bool' },
  ],
  run: runRun,
};
