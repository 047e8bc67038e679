/**
 * `kubectl describe` for Services, Endpoints and EndpointSlices
 * (`KC:pkg/describe/describe.go:describeService, formatEndpointSlices, describeEndpoints, describeEndpointSliceV1`).
 */
import type { IService } from 'kubernetes-models/v1/Service';
import type { IEndpoints } from 'kubernetes-models/v1/Endpoints';
import type { IEndpointSlice } from 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice';
import type { KubeObject } from '../../api/types';
import { formatLabelMap } from '../printers/cellFormats';
import { joinHostPort } from '../printers/servicePrinters';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { listRelated, type DescribeInput } from './describeInput';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './prefixWriter';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

function writeMetadata(w: PrefixWriter, object: KubeObject): void {
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
}

/**
 * `formatEndpointSlices` for one service port name: ready endpoints (an unset condition counts as ready) as
 * `ip:port`, at most 3 then ` + N more...`; `<none>` without slices. As in kubectl, "more" is noticed at the fourth
 * endpoint even when that one is not ready.
 */
function formatEndpointSlices(slices: readonly IEndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const visit = (endpoint: IEndpointSlice['endpoints'][number], text: () => string) => {
    if (list.length === 3) more = true;
    if (endpoint.conditions?.ready === false) return;
    if (!more) list.push(text());
    count++;
  };
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) for (const e of slice.endpoints ?? []) visit(e, () => e.addresses[0] ?? '');
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) visit(e, () => joinHostPort(e.addresses[0] ?? '', port.port ?? 0));
    }
  }
  return more ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(input: DescribeInput): string {
  const service = input.object as unknown as IService;
  const spec = service.spec ?? {};
  const slices = listRelated(
    input,
    'endpointslices.discovery.k8s.io',
    `${SERVICE_NAME_LABEL}=${input.object.metadata.name ?? ''}`,
  ) as unknown as IEndpointSlice[];
  const w = new PrefixWriter();
  writeMetadata(w, input.object);
  w.write(LEVEL_0, `Selector:\t${formatLabelMap(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs?.join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = service.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const list = ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')));
    w.write(LEVEL_0, `LoadBalancer Ingress:\t${list.join(', ')}\n`);
  }
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? '';
    w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? ''}/${protocol}\n`);
    if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
    w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges?.join(',')}\n`);
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

/** The `Name Port Protocol` table of an Endpoints subset or an EndpointSlice, `<unset>` for missing values. */
function writePortTable(
  w: PrefixWriter,
  level: number,
  ports: readonly { name?: string | null; port?: number | null; protocol?: string | null }[],
): void {
  w.write(level, 'Name\tPort\tProtocol\n');
  w.write(level, '----\t----\t--------\n');
  for (const port of ports) {
    const number = port.port !== undefined && port.port !== null ? String(port.port) : '<unset>';
    w.write(level, `${port.name || '<unset>'}\t${number}\t${port.protocol ?? ''}\n`);
  }
}

export function describeEndpoints(input: DescribeInput): string {
  const endpoints = input.object as unknown as IEndpoints;
  const w = new PrefixWriter();
  writeMetadata(w, input.object);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of endpoints.subsets ?? []) {
    const ready = (subset.addresses ?? []).map((a) => a.ip).join(',');
    const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(',');
    w.write(LEVEL_1, `Addresses:\t${ready || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      writePortTable(w, LEVEL_2, subset.ports ?? []);
    }
    w.write(LEVEL_0, '\n');
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

export function describeEndpointSlice(input: DescribeInput): string {
  const slice = input.object as unknown as IEndpointSlice;
  const w = new PrefixWriter();
  writeMetadata(w, input.object);
  w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    writePortTable(w, LEVEL_1, ports);
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else w.write(LEVEL_0, 'Endpoints:\n');
  for (const endpoint of endpoints) {
    w.write(LEVEL_1, `- Addresses:\t${endpoint.addresses.join(', ') || '<none>'}\n`);
    w.write(LEVEL_2, 'Conditions:\n');
    const ready = endpoint.conditions?.ready;
    w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
    w.write(LEVEL_2, `Hostname:\t${endpoint.hostname ?? '<unset>'}\n`);
    if (endpoint.targetRef) {
      w.write(LEVEL_2, `TargetRef:\t${endpoint.targetRef.kind ?? ''}/${endpoint.targetRef.name ?? ''}\n`);
    }
    w.write(LEVEL_2, `NodeName:\t${endpoint.nodeName ?? '<unset>'}\n`);
    w.write(LEVEL_2, `Zone:\t${endpoint.zone ?? '<unset>'}\n`);
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}
