/** `version`, `api-resources`, `api-versions`, `cluster-info` and `explain`. */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagGiven, flagList, flagString } from '../command';
import { clientError } from '../errors';
import { OUTPUT_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { explain } from '../../api/explain';
import { renderTable } from '../printers/printObjects';
import { toKubectlYaml } from '../printers/serialize';
import { resolveResourceType } from '../resourceArgs';
import { SERVER } from './configCommand';

/** The versions this simulator reports: kubectl v1.34.1 with its bundled Kustomize, against a v1.34.1 server. */
const GIT_VERSION = 'v1.34.1';
const KUSTOMIZE_VERSION = 'v5.7.1';
// In the field order of k8s.io/apimachinery/pkg/version.Info, which `-o json` keeps.
const VERSION_NUMBER = { major: '1', minor: '34' };
const BUILD_INFO = {
  gitVersion: GIT_VERSION,
  gitCommit: '93248f9ae092f571eb870b7664c534bfc7d00f03',
  gitTreeState: 'clean',
  buildDate: '2025-09-09T19:44:50Z',
  goVersion: 'go1.24.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};
const VERSION_INFO = { ...VERSION_NUMBER, ...BUILD_INFO };
const SERVER_VERSION_INFO = {
  ...VERSION_NUMBER,
  emulationMajor: '1',
  emulationMinor: '34',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '33',
  ...BUILD_INFO,
};

function runVersion(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  const clientOnly = flagBool(ctx, 'client');
  const data: Record<string, unknown> = { clientVersion: VERSION_INFO, kustomizeVersion: KUSTOMIZE_VERSION };
  if (!clientOnly) data.serverVersion = SERVER_VERSION_INFO;
  if (output === 'yaml') ctx.out.stdout += toKubectlYaml(data);
  // version.go marshals the struct itself (field order kept) with a 2-space indent.
  else if (output === 'json') ctx.out.stdout += `${JSON.stringify(data, null, 2)}\n`;
  else if (output === '') {
    ctx.out.stdout += `Client Version: ${GIT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!clientOnly) ctx.out.stdout += `Server Version: ${GIT_VERSION}\n`;
  } else throw clientError(`--output must be 'yaml' or 'json'`);
}

/** strings.Compare: byte order, not locale order. */
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function runApiResources(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  if (!['', 'wide', 'name'].includes(output)) throw clientError(`--output ${output} is not available`);
  const group = flagString(ctx, 'api-group');
  const namespaced = flagBool(ctx, 'namespaced', true);
  const sortBy = flagString(ctx, 'sort-by');
  const wanted = flagList(ctx, 'verbs');
  // kubectl sorts stably by group (or the --sort-by field), then by name.
  const sortKey = (r: { group: string; plural: string; kind: string }) =>
    sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group;
  const resources = ctx.api
    .resources()
    .filter((r) => r.verbs.length > 0)
    .filter((r) => !flagGiven(ctx, 'api-group') || r.group === group)
    .filter((r) => !flagGiven(ctx, 'namespaced') || r.namespaced === namespaced)
    .filter((r) => wanted.every((v) => r.verbs.includes(v)))
    .sort((a, b) => compareStrings(sortKey(a), sortKey(b)) || compareStrings(a.plural, b.plural));
  if (output === 'name') {
    ctx.out.stdout += resources.map((r) => `${r.group ? `${r.plural}.${r.group}` : r.plural}\n`).join('');
    return;
  }
  const header = [
    'NAME',
    'SHORTNAMES',
    'APIVERSION',
    'NAMESPACED',
    'KIND',
    ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : []),
  ];
  const rows = resources.map((r) => [
    r.plural,
    r.shortNames.join(','),
    r.group ? `${r.group}/${r.version}` : r.version,
    String(r.namespaced),
    r.kind,
    ...(output === 'wide' ? [r.verbs.join(','), r.categories.join(',')] : []),
  ]);
  ctx.out.stdout += renderTable(flagBool(ctx, 'no-headers') ? rows : [header, ...rows]);
}

function runApiVersions(ctx: CommandContext): void {
  const versions = new Set(ctx.api.resources().map((r) => (r.group ? `${r.group}/${r.version}` : r.version)));
  ctx.out.stdout += [...versions]
    .sort()
    .map((v) => `${v}\n`)
    .join('');
}

function runClusterInfo(ctx: CommandContext): void {
  if (ctx.args[0] === 'dump') throw clientError('cluster-info dump is not supported in this playground');
  ctx.out.stdout += `Kubernetes control plane is running at ${SERVER}\n`;
  const services = ctx.api.list(resolveResourceType(ctx.api, 'services'), 'kube-system', {
    labelSelector: 'kubernetes.io/cluster-service=true',
  });
  for (const svc of services.ok ? services.value : []) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name ?? '';
    const port = (svc.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports?.[0];
    const portPart = port ? `:${port.name ?? port.port}` : '';
    ctx.out.stdout += `${name} is running at ${SERVER}/api/v1/namespaces/kube-system/services/${svc.metadata.name ?? ''}${portPart}/proxy\n`;
  }
  ctx.out.stdout += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
}

function runExplain(ctx: CommandContext): void {
  // explain.go Validate: plain errors that end with their own newline.
  if (ctx.args.length === 0) {
    throw clientError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  }
  if (ctx.args.length > 1) throw clientError('We accept only this format: explain RESOURCE\n');
  const target = ctx.args[0] as string;
  const [typed = '', ...path] = target.split('.');
  const resource = resolveResourceType(ctx.api, typed);
  const result = explain(resource, path.join('.'), { recursive: flagBool(ctx, 'recursive') });
  if (!result.ok) throw clientError(result.error);
  ctx.out.stdout += result.text;
}

export const versionCommand: CommandDef = {
  name: 'version',
  short: 'Print the client and server version information',
  use: 'kubectl version [flags] [options]',
  flags: [OUTPUT_FLAG, ...defineFlags('client:bool')],
  run: runVersion,
};

export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  use: 'kubectl api-resources [flags] [options]',
  flags: [
    OUTPUT_FLAG,
    ...defineFlags(
      'api-group:string namespaced:bool verbs:stringSlice sort-by:string no-headers:bool cached:bool categories:stringSlice',
    ),
  ],
  run: runApiResources,
};

export const apiVersionsCommand: CommandDef = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  use: 'kubectl api-versions [options]',
  run: runApiVersions,
};

export const clusterInfoCommand: CommandDef = {
  name: 'cluster-info',
  short: 'Display cluster information',
  use: 'kubectl cluster-info [flags] [options]',
  run: runClusterInfo,
};

export const explainCommand: CommandDef = {
  name: 'explain',
  short: 'Get documentation for a resource',
  use: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [OUTPUT_FLAG, ...defineFlags('recursive:bool api-version:string')],
  run: runExplain,
};
