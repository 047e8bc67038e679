/**
 * `kubectl create quota NAME --hard=pods=2,requests.cpu=1 [--scopes=BestEffort,...]`
 * (`KC:pkg/cmd/create/create_quota.go`).
 */
import { parseQuantity } from '../../api/quantity/quantity';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagString } from '../command';
import { clientError, usageError } from '../errors';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { resolveResourceType } from '../resourceArgs';
import { CREATE_FLAGS, createAndReport } from './createObject';

/** populateResourceListV1: `name=quantity` pairs separated by commas. */
function parseHard(text: string): Record<string, string> {
  const hard: Record<string, string> = {};
  for (const pair of text.split(',').filter((p) => p.trim() !== '')) {
    const [name = '', value, ...rest] = pair.split('=');
    if (value === undefined || rest.length > 0)
      throw clientError(`invalid argument syntax ${pair}, expected <resource>=<value>`);
    const quantity = parseQuantity(value);
    if (!quantity.ok) throw clientError(quantity.error);
    hard[name.trim()] = value;
  }
  return hard;
}

function runCreateQuota(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const [name] = ctx.args;
  if (name === undefined) throw usageError('NAME is required', ctx.commandPath);
  if (ctx.args.length > 1) throw usageError(`exactly one NAME is required, got ${ctx.args.length}`, ctx.commandPath);
  const scopes = flagString(ctx, 'scopes')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name },
    spec: { hard: parseHard(flagString(ctx, 'hard')), ...(scopes.length > 0 ? { scopes } : {}) },
  };
  createAndReport(ctx, { resource: resolveResourceType(ctx.api, 'resourcequotas'), object });
}

export const createQuotaCommand: CommandDef = {
  name: 'quota',
  aliases: ['resourcequota'],
  short: 'Create a quota with the specified name',
  use: 'kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  flags: [...CREATE_FLAGS, ...defineFlags('hard:string scopes:string')],
  run: runCreateQuota,
};
