/** The autoscaling/v2 HorizontalPodAutoscaler as the controller reads and writes it, and its configuration. */
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';

export const HPA_CONTROLLER_NAME = 'horizontal-pod-autoscaler';
export const HORIZONTAL_POD_AUTOSCALERS = resolveResourceName('horizontalpodautoscalers.autoscaling')!;

/**
 * kube-controller-manager's HPA flags at their defaults: --horizontal-pod-autoscaler-sync-period,
 * -tolerance, -cpu-initialization-period, -initial-readiness-delay, -downscale-stabilization.
 */
export const HPA_CONFIG = {
  syncPeriodMs: 15_000,
  tolerance: 0.1,
  cpuInitializationPeriodMs: 5 * 60_000,
  initialReadinessDelayMs: 30_000,
  downscaleStabilizationMs: 5 * 60_000,
} as const;

export interface MetricTarget {
  type?: string;
  averageUtilization?: number;
  averageValue?: string | number;
  value?: string | number;
}

export interface MetricValueStatus {
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

export interface MetricSpec {
  type: string;
  resource?: { name: string; target: MetricTarget };
  containerResource?: { name: string; container: string; target: MetricTarget };
  pods?: { metric: { name: string }; target: MetricTarget };
  object?: { metric: { name: string }; describedObject: { kind: string; name: string }; target: MetricTarget };
  external?: { metric: { name: string }; target: MetricTarget };
}

export interface MetricStatus {
  type: string;
  resource?: { name: string; current: MetricValueStatus };
  containerResource?: { name: string; container: string; current: MetricValueStatus };
}

export interface HpaCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ScalingPolicy {
  type: string;
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies?: ScalingPolicy[];
}

export interface HpaBehavior {
  scaleUp?: ScalingRules;
  scaleDown?: ScalingRules;
}

export interface HpaStatus {
  observedGeneration?: number;
  lastScaleTime?: string;
  currentReplicas?: number;
  desiredReplicas: number;
  currentMetrics: MetricStatus[] | null;
  conditions?: HpaCondition[];
}

export interface HorizontalPodAutoscaler extends KubeObject {
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: MetricSpec[];
    behavior?: HpaBehavior;
  };
  status?: HpaStatus;
}
