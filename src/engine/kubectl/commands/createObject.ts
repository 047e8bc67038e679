/** What `kubectl create` and its generators share: their flags, and creating then reporting one object. */
import type { CommandContext } from '../command';
import { flagBool } from '../command';
import { apiError, clientError } from '../errors';
import { MUTATION_FLAGS } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { printApiWarnings, reportObject } from '../printers/reportObject';
import type { ResourceInfo } from '../resourceArgs';
import { withLastApplied } from '../apply/lastApplied';

/** The flags every `kubectl create` generator has. */
export const CREATE_FLAGS = [...MUTATION_FLAGS, ...defineFlags('save-config:bool')];

/** How `createAndReport` words its result. */
export interface CreateReport {
  /** The manifest file, for `error when creating "pod.yaml": ...`. */
  source?: string;
  /** Printed after the name: `created` unless given (`exposed`, `autoscaled`). */
  operation?: string;
  /** What a client dry run prints instead (autoscale: `created`). */
  clientDryRunOperation?: string;
  /** The generators' wrapping of a failed create: `failed to create deployment`. */
  failure?: string;
}

/** Sends one object to the API (or not, for a client dry run) and reports it as kubectl does (`pod/web created`). */
export function createAndReport(ctx: CommandContext, info: ResourceInfo, report: CreateReport = {}): void {
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
    if (!result.ok) {
      if (report.failure) throw clientError(`${report.failure}: ${result.error.message}`);
      throw apiError(result.error, report.source ? { verb: 'creating', file: report.source } : undefined);
    }
    printApiWarnings(ctx, result.warnings);
    object = result.value;
  }
  const operation = report.operation ?? 'created';
  const printed = dryRun === 'client' ? (report.clientDryRunOperation ?? operation) : operation;
  reportObject(ctx, { resource: info.resource, object }, `${printed}${dryRunSuffix(dryRun)}`);
}
