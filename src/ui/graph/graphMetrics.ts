/** Sizes of everything the cluster graph draws, in SVG user units; layout and drawing share them. */
export const GRAPH_METRICS = {
  margin: 12,
  pod: { width: 124, height: 38, gap: 6 },
  /** A compact pod: a status tile without text, for views with many pods. */
  tile: { size: 16, gap: 4 },
  workload: { width: 172, height: 54, gapX: 14, tierGap: 34, familyGap: 30 },
  service: { width: 172, height: 54, gap: 14 },
  region: { padding: 8, header: 50, gap: 12 },
  /** The narrowest region: one card column, and room for a node's name and roles. */
  narrowRegion: 140,
  /** The narrowest worker region of tiles: eight tile columns. */
  compactRegion: 172,
  /**
   * Pods are drawn as tiles past `enter` pods, or when the node regions of cards would be taller than `tallCards`
   * views; back to cards at `leave` pods or fewer and `shortCards` views or less (the gaps keep a view near a limit
   * from flipping back and forth).
   */
  compact: { enter: 60, leave: 45, tallCards: 1, shortCards: 0.8 },
  /** Space between the Services, the workloads and the nodes. */
  sectionGap: 44,
  /** The narrowest width laid out (before the container is measured). */
  minWidth: 480,
} as const;
