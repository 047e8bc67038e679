import type { ClusterView, ObjectRef } from '../engine/view/clusterViewTypes';
import type { SelectedObject } from '../engine/scenario/scenario';
import type { Slice } from './slice';

export interface SelectionSlice {
  selected?: ObjectRef;
  /** A selection an opened scenario asked for, made once the picture shows the object. */
  pendingSelection?: SelectedObject;
  select(ref: ObjectRef | undefined): void;
  selectWhenShown(selected: SelectedObject | undefined): void;
  resolvePendingSelection(): void;
}

/** How a scenario names a selected object: `Kind/namespace/name`, or `Kind/name` when it has no namespace. */
export function selectedName(ref: ObjectRef): SelectedObject {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

/** The object of the picture a scenario's selection names. */
export function findSelected(view: ClusterView, selected: SelectedObject): ObjectRef | undefined {
  const refs: ObjectRef[] = [
    ...view.nodes.map((node) => ({ kind: 'Node', name: node.name, uid: node.uid })),
    ...view.workloads.map((w) => ({ kind: w.kind, namespace: w.namespace, name: w.name, uid: w.uid })),
    ...view.pods.map((pod) => ({ kind: 'Pod', namespace: pod.namespace, name: pod.name, uid: pod.uid })),
    ...view.services.map((s) => ({ kind: 'Service', namespace: s.namespace, name: s.name, uid: s.uid })),
  ];
  return refs.find((ref) => selectedName(ref) === selected);
}

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  select: (selected) => set({ selected, pendingSelection: undefined }),
  selectWhenShown(pendingSelection) {
    set({ selected: undefined, pendingSelection });
    get().resolvePendingSelection();
  },
  resolvePendingSelection() {
    const { pendingSelection, view } = get();
    if (!pendingSelection || !view) return;
    const found = findSelected(view, pendingSelection);
    if (found) set({ selected: found, pendingSelection: undefined });
  },
});
