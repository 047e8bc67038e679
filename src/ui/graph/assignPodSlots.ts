/**
 * Grid slots of a region's pods. Without a previous layout they follow the pods' order; with one, every pod that
 * stays in its region keeps its slot (so a rolling update replaces pods in place instead of reflowing the grid), and
 * new pods fill the lowest free slots in order. Pods left far out by many removals move in, so the grid shrinks.
 */

/** Where a pod sat: its region's uid and its slot in the region's grid (row-major). */
export interface PodSlot {
  region: string;
  slot: number;
}

/** The slot of each of `pods` (in the region's order), given where they sat before. */
export function assignPodSlots(
  pods: readonly { uid: string }[],
  region: string,
  columns: number,
  previous: Readonly<Record<string, PodSlot>> | undefined,
): number[] {
  if (!previous) return pods.map((_, i) => i);
  const limit = Math.max(pods.length + columns, Math.ceil(pods.length * 1.5));
  const taken = new Set<number>();
  const slots = pods.map((pod) => {
    const before = previous[pod.uid];
    if (!before || before.region !== region || before.slot >= limit || taken.has(before.slot)) return -1;
    taken.add(before.slot);
    return before.slot;
  });
  let free = 0;
  return slots.map((slot) => {
    if (slot >= 0) return slot;
    while (taken.has(free)) free++;
    taken.add(free);
    return free;
  });
}
