/** Sizes of everything the cluster graph draws, in SVG user units; layout and drawing share them. */
export const GRAPH_METRICS = {
  margin: 12,
  pod: { width: 124, height: 38, gap: 6 },
  workload: { width: 172, height: 54, gapX: 14, tierGap: 34, familyGap: 30 },
  service: { width: 172, height: 54, gap: 14 },
  region: { padding: 8, header: 50, gap: 12 },
  /** Pod columns of the unscheduled lane. */
  laneColumns: 1,
  /** Space between the Services, the workloads and the nodes. */
  sectionGap: 44,
  /** The narrowest width laid out (before the container is measured). */
  minWidth: 480,
} as const;
