/** What every describer receives: the object, its events, the clock and the API for related objects. */
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { ApiClient, KubeObject } from '../../api/types';

export interface DescribeInput {
  object: KubeObject;
  /** Undefined with `--show-events=false`: the Events section is left out. */
  events: readonly IEvent[] | undefined;
  nowMs: number;
  /** For the objects a description mentions (a Deployment's ReplicaSets, a Service's EndpointSlices). */
  api: ApiClient;
}

/** A describer for one kind (`KC:pkg/describe/describe.go:DescriberFor`). */
export type Describer = (input: DescribeInput) => string;

/** The objects of a resource in the object's namespace, optionally by label selector (none when the list fails). */
export function listRelated(input: DescribeInput, typed: string, labelSelector?: string): KubeObject[] {
  const resource = input.api.resolveResource(typed);
  if (!resource) return [];
  const listed = input.api.list(resource, input.object.metadata.namespace, { labelSelector });
  return listed.ok ? listed.value : [];
}
