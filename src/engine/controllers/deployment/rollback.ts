/**
 * rollback.go: the controller-side rollback of the deprecated `spec.rollbackTo` (kept in apps/v1 as the
 * `deprecated.deployment.rollback.to` annotation). `kubectl rollout undo` no longer uses it — it patches the
 * template itself — but an object carrying the annotation is still rolled back this way.
 */
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { decide, recordDeploymentEvent, writeDeployment, type DeploymentRun } from './deploymentRun';
import { equalIgnoreHash, lastRevision, revisionOf } from './deploymentReplicaSets';
import { EVENT_REASON, POD_TEMPLATE_HASH_LABEL, ROLLBACK_TO_ANNOTATION, type Deployment } from './deploymentTypes';
import { setDeploymentAnnotationsTo } from './replicaSetAnnotations';
import { allReplicaSetsOf, getAllReplicaSetsAndSyncRevision } from './sync';

/** getRollbackTo: the revision asked for, or undefined when there is no (valid) annotation. */
export function rollbackRevisionOf(deployment: Deployment): number | undefined {
  const value = deployment.metadata.annotations?.[ROLLBACK_TO_ANNOTATION];
  if (!value || !/^[+-]?[0-9]+$/.test(value)) return undefined;
  return Number(value);
}

/** rollback: copy the template (and annotations) of the ReplicaSet with that revision; 0 means the previous one. */
export function rollback(run: DeploymentRun, replicaSets: readonly ReplicaSet[]): void {
  const all = allReplicaSetsOf(getAllReplicaSetsAndSyncRevision(run, replicaSets, true));
  let revision = rollbackRevisionOf(run.deployment) ?? 0;
  if (revision === 0) {
    revision = lastRevision(all);
    if (revision === 0) return giveUp(run, 'Unable to find last revision.');
  }
  const target = all.find((rs) => revisionOf(rs) === revision);
  if (!target) return giveUp(run, 'Unable to find the revision to rollback to.');

  const deployment = run.deployment;
  const name = deployment.metadata.name;
  if (equalIgnoreHash(deployment.spec.template, target.spec.template)) {
    recordDeploymentEvent(
      run,
      'Warning',
      EVENT_REASON.rollbackTemplateUnchanged,
      `The rollback revision contains the same template as current deployment "${name}"`,
    );
    clearRollbackTo(run);
    return;
  }
  // SetFromReplicaSetTemplate: the ReplicaSet's template without its pod-template-hash label.
  const template = structuredClone(target.spec.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  deployment.spec.template = template;
  setDeploymentAnnotationsTo(deployment, target);
  clearRollbackTo(run);
  recordDeploymentEvent(
    run,
    'Normal',
    EVENT_REASON.rollbackDone,
    `Rolled back deployment "${name}" to revision ${revision}`,
  );
  decide(run, `rolled back to revision ${revision}: took the template of ReplicaSet ${target.metadata.name}`);
}

function giveUp(run: DeploymentRun, message: string): void {
  recordDeploymentEvent(run, 'Warning', EVENT_REASON.rollbackRevisionNotFound, message);
  clearRollbackTo(run);
}

/** updateDeploymentAndClearRollbackTo. */
function clearRollbackTo(run: DeploymentRun): void {
  delete run.deployment.metadata.annotations?.[ROLLBACK_TO_ANNOTATION];
  writeDeployment(run);
}
