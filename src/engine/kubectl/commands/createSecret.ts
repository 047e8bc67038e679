/**
 * `kubectl create secret generic|tls|docker-registry NAME` (`KC:pkg/cmd/create/create_secret.go`,
 * `create_secret_tls.go`, `create_secret_docker.go`): data from literals, files or env files, base64-encoded.
 */
import { goQuote } from '../../api/selectors/goQuote';
import { base64Encode } from '../../api/base64';
import { configMapKeyErrors } from '../../api/validation/names';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { clientError } from '../errors';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { resolveResourceType } from '../resourceArgs';
import {
  commandName,
  goJson,
  nameHash,
  parseLiteralSource,
  readEnvFileSources,
  readFileSources,
} from './createDataSources';
import { CREATE_FLAGS, createAndReport } from './createObject';

/** `addKeyFromLiteralToSecret`: a valid key, not already taken; the value is stored base64-encoded. */
function addKey(data: Record<string, string>, key: string, value: string): void {
  const problems = configMapKeyErrors(key);
  if (problems.length > 0)
    throw clientError(`${goQuote(key)} is not valid key name for a Secret ${problems.join(';')}`);
  if (key in data) throw clientError(`cannot add key ${key}, another key by that name already exists`);
  data[key] = base64Encode(value);
}

/** Builds the Secret (`newSecretObj`), names it with `--append-hash`, and creates it. */
function createSecret(ctx: CommandContext, name: string, type: string, data: Record<string, string>, failure: string) {
  // hash.SecretHash covers kind, type (empty unless given), name and the base64 data.
  const fullName = flagBool(ctx, 'append-hash') ? `${name}-${nameHash({ kind: 'Secret', type, name, data })}` : name;
  const metadata: KubeObject['metadata'] = { name: fullName };
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata };
  if (Object.keys(data).length > 0) secret.data = data;
  if (type !== '') secret.type = type;
  createAndReport(ctx, { resource: resolveResourceType(ctx.api, 'secrets'), object: secret }, { failure });
}

function runCreateSecretGeneric(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const name = commandName(ctx);
  const files = flagList(ctx, 'from-file');
  const literals = flagList(ctx, 'from-literal');
  const envFiles = flagList(ctx, 'from-env-file');
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
    throw clientError('from-env-file cannot be combined with from-file or from-literal');
  }
  // createSecret: literals, then files, then env files (the reverse of configmap's first two).
  const data: Record<string, string> = {};
  for (const literal of literals) addKey(data, ...parseLiteralSource(literal));
  for (const [key, value] of readFileSources(ctx, files)) addKey(data, key, value);
  for (const [key, value] of readEnvFileSources(ctx, envFiles)) addKey(data, key, value);
  createSecret(ctx, name, flagString(ctx, 'type'), data, 'failed to create secret');
}

/** `os.ReadFile` for `--cert`/`--key`, with create_secret_tls.go's wording. */
function readTlsFile(ctx: CommandContext, path: string): string {
  const text = ctx.host.readFile(path);
  if (text === undefined) throw clientError(`Cannot read file ${path}, open ${path}: no such file or directory`);
  return text;
}

function runCreateSecretTls(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const name = commandName(ctx);
  const certPath = flagString(ctx, 'cert');
  const keyPath = flagString(ctx, 'key');
  if (certPath === '' || keyPath === '') throw clientError('key and cert must be specified');
  const cert = readTlsFile(ctx, certPath);
  const key = readTlsFile(ctx, keyPath);
  // tls.X509KeyPair: only its first check, that both inputs hold PEM blocks; the pair itself is not verified.
  if (!/-----BEGIN [^-]+-----/.test(cert)) throw clientError('tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN [^-]+-----/.test(key)) throw clientError('tls: failed to find any PEM data in key input');
  const data = { 'tls.crt': base64Encode(cert), 'tls.key': base64Encode(key) };
  createSecret(ctx, name, 'kubernetes.io/tls', data, 'failed to create secret');
}

function runCreateSecretDockerRegistry(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const name = commandName(ctx);
  const files = flagList(ctx, 'from-file');
  const username = flagString(ctx, 'docker-username');
  const password = flagString(ctx, 'docker-password');
  const email = flagString(ctx, 'docker-email');
  const server = flagString(ctx, 'docker-server', 'https://index.docker.io/v1/');
  if (files.length === 0 && (username === '' || password === '' || server === '')) {
    throw clientError(
      'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
    );
  }
  const data: Record<string, string> = {};
  if (files.length > 0) {
    for (const [key, value] of readFileSources(ctx, files)) addKey(data, key, value);
  } else {
    // DockerConfigEntry: username, password, email and auth in field order, each omitted when empty.
    const entry: Record<string, string> = {};
    if (username !== '') entry.username = username;
    if (password !== '') entry.password = password;
    if (email !== '') entry.email = email;
    entry.auth = base64Encode(`${username}:${password}`);
    // goJson sorts map keys only where Go has maps: `auths` is a struct field and its entries keep field order.
    const config = `{"auths":{${goJson(server)}:{${Object.entries(entry)
      .map(([k, v]) => `"${k}":${goJson(v)}`)
      .join(',')}}}}`;
    data['.dockerconfigjson'] = base64Encode(config);
  }
  // create_secret_docker.go words it `failed to create secret <err>`, without the colon createAndReport adds.
  createSecret(ctx, name, 'kubernetes.io/dockerconfigjson', data, 'failed to create secret');
}

const CREATE_SECRET_FLAGS = [...CREATE_FLAGS, ...defineFlags('append-hash:bool')];

export const createSecretCommand: CommandDef = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  use: 'kubectl create secret (docker-registry | generic | tls) [options]',
  subcommands: [
    {
      name: 'docker-registry',
      short: 'Create a secret for use with a Docker registry',
      use: 'kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none] [options]',
      flags: [
        ...CREATE_SECRET_FLAGS,
        ...defineFlags('docker-username:string docker-password:string docker-email:string docker-server:string'),
        ...defineFlags('from-file:stringSlice'),
      ],
      run: runCreateSecretDockerRegistry,
    },
    {
      name: 'generic',
      short: 'Create a secret from a local file, directory, or literal value',
      use: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
      flags: [
        ...CREATE_SECRET_FLAGS,
        ...defineFlags('from-file:stringSlice from-literal:stringArray from-env-file:stringSlice type:string'),
      ],
      run: runCreateSecretGeneric,
    },
    {
      name: 'tls',
      short: 'Create a TLS secret',
      use: 'kubectl create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none] [options]',
      flags: [...CREATE_SECRET_FLAGS, ...defineFlags('cert:string key:string')],
      run: runCreateSecretTls,
    },
  ],
};
