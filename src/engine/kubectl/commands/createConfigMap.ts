/** `kubectl create configmap NAME --from-literal|--from-file|--from-env-file` (`KC:pkg/cmd/create/create_configmap.go`). */
import { configMapKeyErrors } from '../../api/validation/names';
import { goQuote } from '../../api/selectors/goQuote';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError } from '../errors';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { resolveResourceType } from '../resourceArgs';
import { commandName, nameHash, parseLiteralSource, readEnvFileSources, readFileSources } from './createDataSources';
import { CREATE_FLAGS, createAndReport } from './createObject';

/** `validateNewConfigMap`: a valid key, not already taken. */
function addKey(data: Record<string, string>, name: string, key: string, value: string): void {
  const problems = configMapKeyErrors(key);
  if (problems.length > 0) {
    throw clientError(`${goQuote(key)} is not a valid key name for a ConfigMap: ${problems.join(',')}`);
  }
  if (key in data) {
    throw clientError(
      `cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(name)}`,
    );
  }
  data[key] = value;
}

function runCreateConfigMap(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const name = commandName(ctx);
  const files = flagList(ctx, 'from-file');
  const literals = flagList(ctx, 'from-literal');
  const envFiles = flagList(ctx, 'from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
    throw clientError('from-env-file cannot be combined with from-file or from-literal');
  }
  // createConfigMap: files, then literals, then env files.
  const data: Record<string, string> = {};
  for (const [key, value] of readFileSources(ctx, files)) addKey(data, name, key, value);
  for (const literal of literals) addKey(data, name, ...parseLiteralSource(literal));
  for (const [key, value] of readEnvFileSources(ctx, envFiles)) addKey(data, name, key, value);

  // hash.ConfigMapHash covers kind, name and data, taken before the suffix is added.
  const fullName = flagBool(ctx, 'append-hash') ? `${name}-${nameHash({ kind: 'ConfigMap', name, data })}` : name;
  const metadata: KubeObject['metadata'] = { name: fullName };
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  const configMap: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata };
  // `data` is omitempty: a config map with no keys prints none.
  if (Object.keys(data).length > 0) configMap.data = data;
  createAndReport(
    ctx,
    { resource: resolveResourceType(ctx.api, 'configmaps'), object: configMap },
    { failure: 'failed to create configmap' },
  );
}

export const createConfigMapCommand: CommandDef = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  use: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  flags: [
    ...CREATE_FLAGS,
    ...defineFlags('from-file:stringSlice from-literal:stringArray from-env-file:stringSlice append-hash:bool'),
  ],
  run: runCreateConfigMap,
};
