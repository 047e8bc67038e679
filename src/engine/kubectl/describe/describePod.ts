/** `kubectl describe pod` (`KC:pkg/describe/describe.go:describePod`). */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { KubeObject } from '../../api/types';
import { translateTimestampSince } from '../format/duration';
import { describeContainers, describeResources, describeSeccomp } from './describeContainers';
import {
  controlledBy,
  describeEvents,
  formatRfc1123z,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describeHelpers';
import { describeVolumes } from './describeVolumes';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefixWriter';
import { describeTopologySpread, printTolerations } from './schedulingConstraints';

/** `qos.GetPodQOS`: the status' class, else computed from requests and limits. */
function podQosClass(pod: IPod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
    const limits = (c.resources?.limits ?? {}) as Record<string, unknown>;
    for (const name of ['cpu', 'memory']) {
      if (requests[name] !== undefined || limits[name] !== undefined) any = true;
      if (
        limits[name] === undefined ||
        (requests[name] !== undefined && String(requests[name]) !== String(limits[name]))
      )
        guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** The full `kubectl describe pod` text for a pod and its events. */
export function describePod(object: KubeObject, events: readonly IEvent[] | undefined, nowMs: number): string {
  const pod = object as unknown as IPod;
  const spec = pod.spec;
  const status = pod.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pod.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata?.namespace ?? ''}\n`);
  if (spec?.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata?.annotations);
  if (pod.metadata?.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, nowMs)})\n`,
    );
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  describeSeccomp(w, LEVEL_0, spec?.securityContext?.seccompProfile);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controller = controlledBy(object);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const podResources = (spec as { resources?: Container['resources'] } | undefined)?.resources;
  if (podResources) {
    w.write(LEVEL_0, 'Resources:\n');
    describeResources(w, podResources, LEVEL_1);
  }
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec?.initContainers ?? [], status.initContainerStatuses ?? [], pod);
  }
  describeContainers(w, 'Containers', spec?.containers ?? [], status.containerStatuses ?? [], pod);
  const ephemeral = (spec?.ephemeralContainers ?? []) as Container[];
  if (ephemeral.length > 0) {
    describeContainers(w, 'Ephemeral Containers', ephemeral, status.ephemeralContainerStatuses ?? [], pod);
  }
  const conditions = status.conditions ?? [];
  if ((spec?.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of spec?.readinessGates ?? []) {
      const found = conditions.find((c) => c.type === gate.conditionType);
      w.write(LEVEL_1, `${gate.conditionType} \t${found ? found.status : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec?.volumes ?? []);
  w.write(LEVEL_0, `QoS Class:\t${podQosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
  printTolerations(w, 'Tolerations', spec?.tolerations ?? []);
  describeTopologySpread(w, spec?.topologySpreadConstraints ?? []);
  describeEvents(w, events, nowMs);
  return w.text();
}
