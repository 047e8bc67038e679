import type { ObjectRef } from '../engine/view/clusterViewTypes';
import type { Slice } from './slice';

export interface SelectionSlice {
  selected?: ObjectRef;
  select(ref: ObjectRef | undefined): void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  select: (selected) => set({ selected }),
});
