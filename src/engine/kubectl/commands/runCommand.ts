/** `kubectl run` (`KC:pkg/cmd/run/run.go`): the Pod it generates, `--expose`, and attaching with `-i`/`--rm`. */
import type { KubeObject } from '../../api/types';
import { applyJsonPatch } from '../../api/patch/jsonPatch';
import { applyMergePatch } from '../../api/patch/mergePatch';
import { applyStrategicMergePatch } from '../../api/patch/strategicMerge';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagGiven, flagList, flagString } from '../command';
import { KubectlError, apiError, clientError } from '../errors';
import { MUTATION_FLAGS, RECORD_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix, type DryRunStrategy } from '../flags/dryRun';
import { parseGoDuration } from '../flags/parseFlags';
import { withLastApplied } from '../apply/lastApplied';
import { checkOutputFormat } from '../printers/printObjects';
import { printApiWarnings, reportObject } from '../printers/reportObject';
import { recordChangeCause } from '../record';
import { resolveResourceType, type ResourceInfo } from '../resourceArgs';
import { deleteAndReport } from './deleteCommand';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const DEFAULT_POD_RUNNING_TIMEOUT_MS = 60_000;
/** An attached container that never ends is left after this much virtual time (kubectl would stay attached). */
const ATTACH_LIMIT_MS = 60 * 60_000;

// github.com/distribution/reference ReferenceRegexp: [domain[:port]/]path[:tag][@digest].
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN =
  '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*';
const IMAGE_REFERENCE = new RegExp(
  `^(?:(?:${DOMAIN}|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*` +
    '(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$',
);

interface RunOptions {
  name: string;
  args: string[];
  image: string;
  labels: Record<string, string> | undefined;
  annotations: Record<string, string>;
  env: { name: string; value: string }[];
  restartPolicy: string;
  pullPolicy: string;
  port: string;
  interactive: boolean;
  attach: boolean;
  dryRun: DryRunStrategy;
}

/** `parseLabels`: `k=v,k2=v2`, every pair with exactly one `=`. */
function parseLabels(text: string): Record<string, string> | undefined {
  if (text === '') return undefined;
  const labels: Record<string, string> = {};
  for (const spec of text.split(',')) {
    const parts = spec.split('=');
    if (parts.length !== 2) throw clientError(`unexpected label spec: ${spec}`);
    const [key = '', value = ''] = parts;
    if (key === '') throw clientError('unexpected empty label key');
    labels[key] = value;
  }
  return labels;
}

/** `cmdutil.ParsePairs` without removals: each `--annotations` value is one `key=value`. */
function parseAnnotations(pairs: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  const invalid: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) result[pair.slice(0, eq)] = pair.slice(eq + 1);
    else invalid.push(pair);
  }
  if (invalid.length > 0) throw clientError(`invalid annotations format: ${invalid.join(', ')}`);
  return result;
}

/** `parseEnvs`: `NAME=value` with a C identifier-like name (`validation.IsEnvVarName`). */
function parseEnvs(envs: readonly string[]): { name: string; value: string }[] {
  return envs.map((env) => {
    const eq = env.indexOf('=');
    const name = eq < 0 ? '' : env.slice(0, eq);
    if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw clientError(`invalid env: ${env}`);
    return { name, value: env.slice(eq + 1) };
  });
}

/** `Complete` and `Validate`, in kubectl's order. */
function runOptions(ctx: CommandContext): RunOptions {
  const annotations = parseAnnotations(flagList(ctx, 'annotations'));
  const labels = parseLabels(flagString(ctx, 'labels'));
  const env = parseEnvs(flagList(ctx, 'env'));
  const interactive = flagBool(ctx, 'stdin');
  const restart = flagString(ctx, 'restart', 'Always');
  const restartPolicy = restart === '' ? (interactive ? 'OnFailure' : 'Always') : restart;
  if (!RESTART_POLICIES.includes(restartPolicy)) throw clientError(`invalid restart policy: ${restart}`);
  const pullPolicy = flagString(ctx, 'image-pull-policy');
  if (pullPolicy !== '' && !PULL_POLICIES.includes(pullPolicy))
    throw clientError(`invalid image pull policy: ${pullPolicy}`);
  const attach = flagGiven(ctx, 'attach') ? flagBool(ctx, 'attach') : interactive;
  const dryRun = dryRunStrategy(ctx);

  const [name, ...args] = ctx.args;
  if (name === undefined || ctx.flags.argsLenAtDash === 0) throw clientError('NAME is required for run');
  const image = flagString(ctx, 'image');
  if (image === '') throw clientError('--image is required');
  if (!IMAGE_REFERENCE.test(image)) throw clientError(`invalid image name "${image}": invalid reference format`);
  if (flagBool(ctx, 'tty') && !interactive)
    throw clientError('-i/--stdin is required for containers with -t/--tty=true');
  const port = flagString(ctx, 'port');
  if (flagBool(ctx, 'expose') && port === '') throw clientError('--port must be set when exposing a service');
  if (port !== '' && !/^[+-]?\d+$/.test(port)) throw clientError('--port must be a number');
  if (!attach && flagBool(ctx, 'rm')) throw clientError('--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') {
    throw clientError(
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  }
  return {
    name,
    args,
    image,
    labels,
    annotations,
    env,
    restartPolicy,
    pullPolicy,
    port,
    interactive,
    attach,
    dryRun,
  };
}

/** `createPod`: the one-container Pod, its fields in corev1.Container order (the printers sort keys anyway). */
function generatePod(ctx: CommandContext, o: RunOptions): KubeObject {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.args.length > 0) container[flagBool(ctx, 'command') ? 'command' : 'args'] = o.args;
  if (o.port !== '') container.ports = [{ containerPort: Number(o.port) }];
  if (o.env.length > 0) container.env = o.env;
  container.resources = {};
  if (o.pullPolicy) container.imagePullPolicy = o.pullPolicy;
  if (flagBool(ctx, 'privileged')) container.securityContext = { privileged: true };
  if (o.interactive) container.stdin = true;
  if (o.interactive && !flagBool(ctx, 'leave-stdin-open')) container.stdinOnce = true;
  if (flagBool(ctx, 'tty')) container.tty = true;
  const metadata: KubeObject['metadata'] = { name: o.name, labels: o.labels ?? { run: o.name } };
  if (Object.keys(o.annotations).length > 0) metadata.annotations = o.annotations;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: o.restartPolicy },
    status: {},
  };
}

/** `createService` for `--expose`: selects the pod's labels, labelled only with the labels the user gave. */
function generateService(o: RunOptions): KubeObject {
  const port = Number(o.port);
  const metadata: KubeObject['metadata'] = { name: o.name };
  if (o.labels) metadata.labels = o.labels;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: { ports: [{ port, protocol: 'TCP', targetPort: port }], selector: o.labels ?? { run: o.name } },
    status: { loadBalancer: {} },
  };
}

/** `--overrides` (`cmdutil.Overrider`): a JSON patch of the kind `--override-type` names, applied to the Pod. */
function applyOverrides(ctx: CommandContext, pod: KubeObject): KubeObject {
  const overrides = flagString(ctx, 'overrides');
  if (overrides === '') return pod;
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    throw clientError(`error: unable to parse ${overrides}: ${(e as Error).message}`);
  }
  const type = flagString(ctx, 'override-type', 'merge');
  if (type === 'json') {
    const result = applyJsonPatch(pod, patch);
    if (!result.ok) throw clientError(result.error);
    return result.value as KubeObject;
  }
  if (type === 'strategic') return applyStrategicMergePatch(pod, patch) as KubeObject;
  if (type === 'merge') return applyMergePatch(pod, patch) as KubeObject;
  throw clientError(`invalid override type: ${type}`);
}

/** `createGeneratedObject`: records, then creates the object (or, for a client dry run, only fills the namespace). */
function createGenerated(ctx: CommandContext, o: RunOptions, object: KubeObject, plural: string): ResourceInfo {
  const resource = resolveResourceType(ctx.api, plural);
  let generated = recordChangeCause(ctx, object);
  if (o.dryRun === 'client') {
    if (ctx.namespaceExplicit) generated.metadata = { ...generated.metadata, namespace: ctx.namespace };
    return { resource, object: generated };
  }
  if (flagBool(ctx, 'save-config')) generated = withLastApplied(generated);
  const sent = { ...generated, metadata: { ...generated.metadata, namespace: ctx.namespace } };
  const created = ctx.api.create(sent, { dryRun: o.dryRun === 'server' });
  if (!created.ok) throw apiError(created.error);
  printApiWarnings(ctx, created.warnings);
  return { resource, object: created.value };
}

function phaseOf(pod: KubeObject | undefined): string {
  return (pod?.status as { phase?: string } | undefined)?.phase ?? '';
}

function isReady(pod: KubeObject): boolean {
  const conditions = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions;
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * Attaching without a terminal: waits for the pod to run (`podRunningAndReady`, `--pod-running-timeout`), follows the
 * container to its end when the restart policy lets it end, and prints what it wrote; a failed container ends
 * kubectl with its exit code. Simplification: stdin is not streamed into the container, and with
 * `--restart=Always` the output so far is printed once the pod runs.
 */
function attachToPod(ctx: CommandContext, o: RunOptions, pod: ResourceInfo): void {
  const namespace = pod.object.metadata.namespace ?? ctx.namespace;
  const current = () => {
    const got = ctx.api.get(pod.resource, namespace, o.name);
    return got.ok && got.value.metadata.uid === pod.object.metadata.uid ? got.value : undefined;
  };
  const completed = (p: KubeObject | undefined) => phaseOf(p) === 'Succeeded' || phaseOf(p) === 'Failed';
  const timeout = parseGoDuration(flagString(ctx, 'pod-running-timeout', '1m')) ?? DEFAULT_POD_RUNNING_TIMEOUT_MS;
  const started = () => {
    const p = current();
    return p === undefined || completed(p) || (phaseOf(p) === 'Running' && isReady(p));
  };
  if (!ctx.host.waitUntil(started, timeout)) throw clientError('timed out waiting for the condition');
  if (current() === undefined) throw clientError(`pods "${o.name}" not found`);
  const waitForExit = !flagBool(ctx, 'leave-stdin-open') && o.restartPolicy !== 'Always';
  if (waitForExit) ctx.host.waitUntil(() => completed(current()) || current() === undefined, ATTACH_LIMIT_MS);
  const logs = ctx.host.logs(namespace, o.name, { container: o.name });
  if (logs.ok) ctx.out.stdout += logs.value;
  const final = current();
  if (!waitForExit || phaseOf(final) !== 'Failed') return;
  const status = (final?.status as { containerStatuses?: { state?: { terminated?: Terminated } }[] } | undefined)
    ?.containerStatuses?.[0]?.state?.terminated;
  if (!status || status.exitCode === 0) throw clientError(`pod ${namespace}/${o.name} failed with unknown exit code`);
  // uexec.CodeExitError: printed as is, exit code of the container.
  throw new KubectlError(
    `pod ${namespace}/${o.name} terminated (${status.reason ?? ''})\n${status.message ?? ''}`,
    undefined,
    status.exitCode,
    true,
  );
}

interface Terminated {
  exitCode: number;
  reason?: string;
  message?: string;
}

function runRun(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const o = runOptions(ctx);
  const pod = createGenerated(ctx, o, applyOverrides(ctx, generatePod(ctx, o)), 'pods');
  const created: ResourceInfo[] = [pod];
  if (flagBool(ctx, 'expose')) {
    try {
      created.push(createGenerated(ctx, o, generateService(o), 'services'));
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  if (!o.attach) {
    for (const info of created) reportObject(ctx, info, `created${dryRunSuffix(o.dryRun)}`);
    return;
  }
  try {
    attachToPod(ctx, o, pod);
  } finally {
    // --rm: the deferred removeCreatedObjects (no waiting, NotFound ignored).
    if (flagBool(ctx, 'rm')) for (const info of created) deleteAndReport(ctx, info, { ignoreNotFound: true });
  }
}

export const runCommand: CommandDef = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  use: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    ...MUTATION_FLAGS,
    RECORD_FLAG,
    ...defineFlags(
      'image:string restart:string port:string labels,l:string env:stringArray annotations:stringArray ' +
        'command:bool image-pull-policy:string stdin,i:bool tty,t:bool rm:bool attach:bool quiet,q:bool ' +
        'leave-stdin-open:bool overrides:string override-type:string privileged:bool expose:bool ' +
        'save-config:bool pod-running-timeout:duration detach-keys:string',
    ),
  ],
  run: runRun,
};
