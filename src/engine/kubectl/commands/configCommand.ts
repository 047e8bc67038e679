/** `kubectl config` with the one context this playground has (`KC:pkg/cmd/config`). */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { clientError } from '../errors';
import { OUTPUT_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { printJsonPath, renderTable } from '../printers/printObjects';
import { toKubectlYaml } from '../printers/serialize';

/** The kubeadm-style names of the single cluster, user and context. */
const CLUSTER = 'kubernetes';
const USER = 'kubernetes-admin';
const CONTEXT = 'kubernetes-admin@kubernetes';
/** The simulated control plane's address, as the kubeconfig names it. */
export const SERVER = 'https://192.168.49.2:8443';

function kubeconfig(ctx: CommandContext): Record<string, unknown> {
  const namespace = ctx.host.currentNamespace();
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: SERVER }, name: CLUSTER }],
    contexts: [
      { context: { cluster: CLUSTER, ...(namespace !== 'default' ? { namespace } : {}), user: USER }, name: CONTEXT },
    ],
    'current-context': CONTEXT,
    kind: 'Config',
    preferences: {},
    users: [{ name: USER, user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
  };
}

function runView(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  const config = kubeconfig(ctx);
  if (output.startsWith('jsonpath=')) {
    ctx.out.stdout += printJsonPath(output.slice('jsonpath='.length), config);
    return;
  }
  ctx.out.stdout += output === 'json' ? `${JSON.stringify(config, null, 4)}\n` : toKubectlYaml(config);
}

function runSetContext(ctx: CommandContext): void {
  const [name] = ctx.args;
  if (!flagBool(ctx, 'current') && name === undefined)
    throw clientError('you must specify a non-empty context name or --current');
  if (name !== undefined && name !== CONTEXT) throw clientError(`no context exists with the name: "${name}"`);
  const namespace = ctx.flags.values.namespace;
  if (typeof namespace === 'string') ctx.host.setCurrentNamespace(namespace);
  ctx.out.stdout += `Context "${CONTEXT}" modified.\n`;
}

function runUseContext(ctx: CommandContext): void {
  const [name] = ctx.args;
  if (name !== CONTEXT) throw clientError(`no context exists with the name: "${name ?? ''}"`);
  ctx.out.stdout += `Switched to context "${CONTEXT}".\n`;
}

function runGetContexts(ctx: CommandContext): void {
  const namespace = ctx.host.currentNamespace();
  const rows = [
    ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
    ['*', CONTEXT, CLUSTER, USER, namespace === 'default' ? '' : namespace],
  ];
  ctx.out.stdout += renderTable(rows);
}

export const configCommand: CommandDef = {
  name: 'config',
  short: 'Modify kubeconfig files',
  use: 'kubectl config SUBCOMMAND [options]',
  subcommands: [
    {
      name: 'current-context',
      short: 'Display the current-context',
      use: 'kubectl config current-context [options]',
      run: (ctx) => void (ctx.out.stdout += `${CONTEXT}\n`),
    },
    {
      name: 'get-contexts',
      short: 'Describe one or many contexts',
      use: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
      flags: [OUTPUT_FLAG, ...defineFlags('no-headers:bool')],
      run: runGetContexts,
    },
    {
      name: 'set-context',
      short: 'Set a context entry in kubeconfig',
      use: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
      flags: defineFlags('current:bool cluster:string user:string'),
      run: runSetContext,
    },
    {
      name: 'use-context',
      aliases: ['use'],
      short: 'Set the current-context in a kubeconfig file',
      use: 'kubectl config use-context CONTEXT_NAME [options]',
      run: runUseContext,
    },
    {
      name: 'view',
      short: 'Display merged kubeconfig settings or a specified kubeconfig file',
      use: 'kubectl config view [flags] [options]',
      flags: [OUTPUT_FLAG, ...defineFlags('minify:bool raw:bool flatten:bool')],
      run: runView,
    },
  ],
};
