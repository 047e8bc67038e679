/** What `kubectl create` and its generators share: their flags, and creating then reporting one object. */
import type { CommandContext } from '../command';
import { flagBool } from '../command';
import { apiError } from '../errors';
import { MUTATION_FLAGS } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { printApiWarnings, reportObject } from '../printers/reportObject';
import type { ResourceInfo } from '../resourceArgs';
import { withLastApplied } from '../apply/lastApplied';

/** The flags every `kubectl create` generator has. */
export const CREATE_FLAGS = [...MUTATION_FLAGS, ...defineFlags('save-config:bool')];

/** Sends one object to the API (or not, for a client dry run) and reports it as kubectl does. */
export function createAndReport(ctx: CommandContext, info: ResourceInfo, source: string | undefined): void {
  const dryRun = dryRunStrategy(ctx);
  let object = info.object;
  if (flagBool(ctx, 'save-config')) object = withLastApplied(object);
  if (dryRun !== 'client') {
    // Sent to the command's namespace (`Helper.Create(namespace, ...)`) when the object names none.
    const sent =
      info.resource.namespaced && !object.metadata.namespace
        ? { ...object, metadata: { ...object.metadata, namespace: ctx.namespace } }
        : object;
    const result = ctx.api.create(sent, { dryRun: dryRun === 'server' });
    if (!result.ok) throw apiError(result.error, source ? { verb: 'creating', file: source } : undefined);
    printApiWarnings(ctx, result.warnings);
    object = result.value;
  }
  reportObject(ctx, { resource: info.resource, object }, `created${dryRunSuffix(dryRun)}`);
}
