import { describe, expect, it } from 'vitest';
import { hpaV2ToV1 } from '../../api/hpaConversion';
import type { KubeObject } from '../../api/types';
import { DEFAULT_START_TIME, formatTimestamp } from '../../runtime/time';
import { asHpaV2, hpaPrinter } from './hpaPrinter';

const HPA: KubeObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: formatTimestamp(DEFAULT_START_TIME) },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
  },
  status: {
    currentReplicas: 3,
    desiredReplicas: 6,
    currentMetrics: [
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 230, averageValue: '230m' } } },
    ],
  },
};

describe('the HPA table', () => {
  it('prints an HPA read as autoscaling/v1 as the server prints its v2 form', () => {
    const v1 = hpaV2ToV1(HPA);
    const row = ['web', 'Deployment/web', 'cpu: 230%/50%', '1', '10', '3', '2m'];
    expect(hpaPrinter.row(HPA, DEFAULT_START_TIME + 120_000)).toEqual(row);
    expect(hpaPrinter.row(v1, DEFAULT_START_TIME + 120_000)).toEqual(row);
    expect(asHpaV2(HPA)).toBe(HPA);
  });
});
