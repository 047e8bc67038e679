/** The describer for kinds without their own (`KC:pkg/describe/describe.go:GenericDescriberFor`). */
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { KubeObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { LEVEL_0, PrefixWriter } from './prefixWriter';

/** Name, Namespace, Labels, Annotations and Events. */
export function describeGeneric(object: KubeObject, events: readonly IEvent[], nowMs: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  describeEvents(w, events, nowMs);
  return w.text();
}
