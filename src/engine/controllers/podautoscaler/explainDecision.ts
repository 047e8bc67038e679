/**
 * The HPA controller's decisions in words, for the decision log: what stabilization and the limits did to the
 * metrics' proposal, and a hint after the two errors learners meet most.
 */
import { HPA_CONFIG, type HorizontalPodAutoscaler } from './hpaTypes';
import { scaleUpLimit, type Normalized } from './normalizeReplicas';

/** A plain-language fix after the controller's own message, for a missing cpu request or target apiVersion. */
export function hintFor(error: string): string {
  if (error.includes('missing request for cpu'))
    return ' — a cpu utilization target needs resources.requests.cpu on every container';
  if (error.includes('in group ""')) return ' — scaleTargetRef needs an apiVersion (e.g. apps/v1)';
  return '';
}

/** What stabilization and the limits did to the metrics' proposal, in words. */
export function limitNote(
  hpa: HorizontalPodAutoscaler,
  normalized: Normalized,
  current: number,
  minReplicas: number,
): string {
  const notes: string[] = [];
  const behavior = hpa.spec.behavior;
  const downWindow = behavior?.scaleDown?.stabilizationWindowSeconds ?? HPA_CONFIG.downscaleStabilizationMs / 1000;
  if (normalized.ableToScale.reason === 'ScaleDownStabilized')
    notes.push(`held at ${normalized.stabilized}, the highest recommendation of the last ${downWindow}s`);
  if (normalized.ableToScale.reason === 'ScaleUpStabilized') {
    const upWindow = behavior?.scaleUp?.stabilizationWindowSeconds ?? 0;
    notes.push(`held at ${normalized.stabilized}, the lowest recommendation of the last ${upWindow}s`);
  }
  switch (normalized.limited.reason) {
    case 'TooManyReplicas':
      notes.push(`capped by maxReplicas ${hpa.spec.maxReplicas}`);
      break;
    case 'TooFewReplicas':
      notes.push(`raised to minReplicas ${minReplicas}`);
      break;
    case 'ScaleUpLimit':
      notes.push(
        behavior
          ? `limited to ${normalized.replicas} by the scale-up policies`
          : `limited to ${normalized.replicas} by the scale-up limit max(2 × ${current}, 4) = ${scaleUpLimit(current)}`,
      );
      break;
    case 'ScaleDownLimit':
      notes.push(`limited to ${normalized.replicas} by the scale-down policies`);
      break;
  }
  return notes.map((n) => `, ${n}`).join('');
}
