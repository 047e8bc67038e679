/** `kubectl set env` (`KC:pkg/cmd/set/set_env.go`, `pkg/cmd/set/env/env_parse.go`). */
import type { IIoK8sApiCoreV1EnvVar as EnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IIoK8sApiCoreV1EnvVarSource as EnvVarSource } from 'kubernetes-models/v1/EnvVarSource';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError } from '../errors';
import { CONTAINER_FLAG, DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy } from '../flags/dryRun';
import { checkOutputFormat } from '../printers/printObjects';
import { fetchTargets } from '../targets';
import { matchesContainerSelector, patchEach, podSpecOf } from './podSpecForObject';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** `IsEnvironmentArgument`: `KEY=value` or `KEY-`. */
const isEnvArgument = (arg: string) => /^[^=\s]+=|^[A-Za-z0-9_.-]+-$/.test(arg);

/** `ParseEnv`: variables to set and names to remove. */
function parseEnv(specs: readonly string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name)) {
        throw clientError(
          `"${name}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
        );
      }
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw clientError(`unknown environment variable: ${spec}`);
  }
  if (remove.some((name) => env.some((e) => e.name === name))) {
    throw clientError('can not both modify and remove an environment variable in the same command');
  }
  return { env, remove };
}

/** `updateEnv`: removals dropped, existing names replaced in place, new ones appended. */
function updateEnv(existing: readonly EnvVar[], env: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) covered.add(e.name);
    out.push(newer ?? e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** `GetEnvVarRefString`. */
function refString(from: EnvVarSource): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return 'unknown';
}

/** `--from=configmap/NAME|secret/NAME`: one variable per key, names upper-cased with `-` and `.` as `_`. */
function envFromSource(ctx: CommandContext, from: string, keys: readonly string[]): EnvVar[] {
  const { infos } = fetchTargets(ctx, { args: [from], verb: 'set env' });
  const env: EnvVar[] = [];
  for (const { object } of infos) {
    if (object.kind !== 'Secret' && object.kind !== 'ConfigMap')
      throw clientError('unsupported resource specified in --from');
    const data = (object.data ?? {}) as Record<string, string>;
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const selector = { name: object.metadata.name ?? '', key };
      env.push({
        name: key.toUpperCase().replace(/[-.]/g, '_'),
        valueFrom: object.kind === 'Secret' ? { secretKeyRef: selector } : { configMapKeyRef: selector },
      });
    }
  }
  return env;
}

function runSetEnv(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const firstEnv = ctx.args.findIndex(isEnvArgument);
  const resources = firstEnv < 0 ? ctx.args : ctx.args.slice(0, firstEnv);
  const envArgs = firstEnv < 0 ? [] : ctx.args.slice(firstEnv);
  if (envArgs.some((a) => !isEnvArgument(a))) {
    throw clientError(`all resources must be specified before environment changes: ${ctx.args.join(' ')}`);
  }
  const list = flagBool(ctx, 'list');
  if (flagList(ctx, 'filename').length === 0 && resources.length === 0) {
    throw clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  if (list && flagString(ctx, 'output')) throw clientError('--list and --output may not be specified together');
  const keys = flagList(ctx, 'keys');
  const from = flagString(ctx, 'from');
  if (keys.length > 0 && !from)
    throw clientError('when specifying --keys, a configmap or secret must be provided with --from');
  const parsed = parseEnv([...flagList(ctx, 'env'), ...envArgs]);
  const env = [...parsed.env, ...(from ? envFromSource(ctx, from, keys) : [])];
  const prefix = flagString(ctx, 'prefix');
  for (const e of env) e.name = `${prefix}${e.name}`;
  const selector = flagString(ctx, 'containers', '*');
  const overwrite = flagBool(ctx, 'overwrite', true);
  const { infos } = fetchTargets(ctx, { args: resources, verb: 'set env', requireSelection: !flagBool(ctx, 'all') });
  const mutate = (object: Parameters<typeof podSpecOf>[0]) => {
    const containers = (podSpecOf(object).containers ?? []).filter((c) => matchesContainerSelector(c.name, selector));
    if (containers.length === 0) {
      ctx.out.stderr += `warning: ${object.kind}/${object.metadata.name ?? ''} does not have any containers matching "${selector}"\n`;
    }
    for (const container of containers) {
      if (!overwrite) {
        const clash = (container.env ?? []).find((e) => env.some((n) => n.name === e.name));
        if (clash)
          throw clientError(`'${clash.name}' already has a value (${clash.value ?? ''}), and --overwrite is false`);
      }
      container.env = updateEnv(container.env ?? [], env, parsed.remove);
      if (!list) continue;
      ctx.out.stdout += `# ${object.kind} ${object.metadata.name ?? ''}, container ${container.name}\n`;
      for (const e of container.env) {
        ctx.out.stdout += e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`;
      }
    }
  };
  if (list) {
    for (const info of infos) mutate(structuredClone(info.object));
    return;
  }
  if (env.length === 0 && envArgs.length === 0 && parsed.remove.length === 0) {
    throw clientError('at least one environment variable must be provided');
  }
  patchEach(ctx, infos, {
    operation: 'env updated',
    dryRun: dryRunStrategy(ctx),
    failure: 'failed to patch env update to pod template',
    mutate,
  });
}

export const setEnvCommand: CommandDef = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  use: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  flags: [
    ...PRINT_FLAGS,
    ...FILENAME_FLAGS,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    { ...CONTAINER_FLAG, name: 'containers' },
    ...defineFlags(
      'all:bool local:bool list:bool resolve:bool overwrite:bool env,e:stringArray from:string keys:stringSlice ' +
        'prefix:string field-manager:string kustomize,k:string',
    ),
  ],
  run: runSetEnv,
};
