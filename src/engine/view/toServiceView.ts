import type { KubeObject } from '../api/types';
import type { EndpointSubset } from '../controllers/endpoint/endpointSubsets';
import type { EndpointView, ServiceView } from './clusterViewTypes';

interface ServiceFields {
  spec?: { type?: string; clusterIP?: string };
}

/** An endpoint address (the controller always sets targetRef for a pod; the `kubernetes` Service has none). */
interface Address {
  ip: string;
  targetRef?: { kind?: string; uid?: string };
}

function toEndpointView(address: Address, ready: boolean): EndpointView {
  const view: EndpointView = { ip: address.ip, ready };
  if (address.targetRef?.kind === 'Pod' && address.targetRef.uid) view.podUid = address.targetRef.uid;
  return view;
}

/** A Service and its Endpoints' addresses: `addresses` ready, `notReadyAddresses` not. */
export function toServiceView(service: KubeObject, endpoints: KubeObject | undefined): ServiceView {
  const { spec } = service as unknown as ServiceFields;
  const subsets = (endpoints?.subsets ?? []) as EndpointSubset[];
  return {
    namespace: service.metadata.namespace ?? '',
    name: service.metadata.name ?? '',
    uid: service.metadata.uid ?? '',
    type: spec?.type ?? 'ClusterIP',
    clusterIP: spec?.clusterIP ?? '',
    endpoints: subsets.flatMap((subset) => [
      ...(subset.addresses ?? []).map((a) => toEndpointView(a, true)),
      ...(subset.notReadyAddresses ?? []).map((a) => toEndpointView(a, false)),
    ]),
  };
}
