/**
 * Where the node regions and the lane go: left to right in rows that wrap at the width, each row's spare width shared
 * by its growing regions. Widths depend on the width and the regions only, never on pod counts, so a rollout that
 * adds and removes pods changes no region's width (and no pod's column).
 */

/** A region to place, in order. */
export interface RegionRequest {
  uid: string;
  /** The narrowest it may be. */
  minWidth: number;
  /** `always`: takes a share of its row's spare width; `alone`: only in a row where no `always` region is. */
  grow: 'always' | 'alone' | 'never';
}

/** A placed region: its row (from 0), left edge and width. */
export interface RegionPlace {
  uid: string;
  row: number;
  x: number;
  width: number;
}

/** Rows of `requests` within `width` (less `margin` each side), `gap` apart; a region wider than that gets a row. */
export function arrangeRegions(
  requests: readonly RegionRequest[],
  width: number,
  spacing: { margin: number; gap: number },
): RegionPlace[] {
  const { margin, gap } = spacing;
  const available = width - 2 * margin;
  const rows: RegionRequest[][] = [];
  let used = 0;
  for (const request of requests) {
    const row = rows.at(-1);
    if (row && row.length > 0 && used + gap + request.minWidth <= available) {
      row.push(request);
      used += gap + request.minWidth;
    } else {
      rows.push([request]);
      used = request.minWidth;
    }
  }
  return rows.flatMap((row, index) => {
    const spare = available - row.reduce((sum, r) => sum + r.minWidth, 0) - (row.length - 1) * gap;
    const always = row.filter((r) => r.grow === 'always');
    const growing = new Set(always.length > 0 ? always : row.filter((r) => r.grow === 'alone'));
    const share = growing.size > 0 ? Math.max(0, Math.floor(spare / growing.size)) : 0;
    let x = margin;
    return row.map((request) => {
      const regionWidth = request.minWidth + (growing.has(request) ? share : 0);
      const place = { uid: request.uid, row: index, x, width: regionWidth };
      x += regionWidth + gap;
      return place;
    });
  });
}
