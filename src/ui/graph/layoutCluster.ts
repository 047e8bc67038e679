/**
 * Lays the cluster out top to bottom: Services, then workloads in two tiers (CronJobs and Deployments above what
 * they own), then the node regions in rows with their pods in a grid, and the lane of unscheduled pods. Pure and
 * deterministic: the same view, width and previous layout give the same layout, and everything is keyed by uid.
 */
import type { ClusterView, NodeView, PodView, WorkloadView } from '../../engine/view/clusterViewTypes';
import { arrangeRegions, type RegionRequest } from './arrangeRegions';
import { assignPodSlots } from './assignPodSlots';
import { GRAPH_METRICS as M } from './graphMetrics';
import { UNSCHEDULED_LANE, type EdgeLayout, type GraphLayout, type LayoutBox, type RegionLayout } from './layoutTypes';

export interface LayoutOptions {
  /** The width to fit (the graph's container); content wider than this wraps, else grows the layout's width. */
  width: number;
  /** The view's height, when known: pods turn to tiles when cards would not fit it (see GRAPH_METRICS.compact). */
  height?: number;
  /** The layout drawn before this one: pods that stay keep their grid slots (see assignPodSlots). */
  previous?: GraphLayout;
}

/** Kinds drawn in the upper tier, above the workloads they own. */
const UPPER_TIER = new Set(['Deployment', 'CronJob']);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A root workload and what it owns: a Deployment over its ReplicaSets, a CronJob over its Jobs, or one workload. */
interface Family {
  upper?: WorkloadView;
  lower: WorkloadView[];
  width: number;
}

/** Oldest revision left, newest right; Jobs (no revision) by name, which carries their scheduled time. */
function compareOwned(a: WorkloadView, b: WorkloadView): number {
  return Number(a.revision ?? 0) - Number(b.revision ?? 0) || compareText(a.name, b.name);
}

/** Pods of one owner together, a StatefulSet's in ordinal order, then by name. */
function comparePodSlots(a: PodView, b: PodView): number {
  return (
    compareText(a.namespace, b.namespace) ||
    compareText(a.owner?.name ?? '', b.owner?.name ?? '') ||
    compareText(a.owner?.uid ?? '', b.owner?.uid ?? '') ||
    (a.ordinal ?? -1) - (b.ordinal ?? -1) ||
    compareText(a.name, b.name)
  );
}

function familiesOf(workloads: readonly WorkloadView[]): Family[] {
  const byUid = new Map(workloads.map((w) => [w.uid, w]));
  const owned = new Map<string, WorkloadView[]>();
  const roots: WorkloadView[] = [];
  for (const workload of workloads) {
    const owner = workload.owner && byUid.get(workload.owner.uid);
    if (owner) owned.set(owner.uid, [...(owned.get(owner.uid) ?? []), workload]);
    else roots.push(workload);
  }
  const { width, gapX } = M.workload;
  return roots.map((root) => {
    const children = (owned.get(root.uid) ?? []).sort(compareOwned);
    const upper = UPPER_TIER.has(root.kind) ? root : undefined;
    const lower = upper ? children : [root, ...children];
    const lowerWidth = lower.length * (width + gapX) - gapX;
    return { upper, lower, width: Math.max(width, lowerWidth) };
  });
}

/** Places boxes of one size left to right, wrapping at the width; returns the y below them. */
function placeRow(
  uids: readonly string[],
  size: { width: number; height: number; gap: number },
  y: number,
  width: number,
  boxes: Record<string, LayoutBox>,
): number {
  let x = M.margin;
  for (const uid of uids) {
    if (x > M.margin && x + size.width > width - M.margin) {
      x = M.margin;
      y += size.height + size.gap;
    }
    boxes[uid] = { x, y, width: size.width, height: size.height };
    x += size.width + size.gap;
  }
  return y + size.height;
}

/** Families side by side in bands, each band an upper and a lower tier; returns the y below them. */
function placeWorkloads(
  families: readonly Family[],
  y: number,
  width: number,
  boxes: Record<string, LayoutBox>,
): number {
  const { width: boxWidth, height, gapX, tierGap, familyGap } = M.workload;
  const bands: { family: Family; x: number }[][] = [];
  let x = M.margin;
  for (const family of families) {
    const band = bands.at(-1);
    if (!band || (x > M.margin && x + family.width > width - M.margin)) {
      bands.push([]);
      x = M.margin;
    }
    bands.at(-1)!.push({ family, x });
    x += family.width + familyGap;
  }
  for (const band of bands) {
    const hasUpper = band.some(({ family }) => family.upper);
    const hasLower = band.some(({ family }) => family.lower.length > 0);
    const lowerY = hasUpper ? y + height + tierGap : y;
    for (const { family, x: familyX } of band) {
      if (family.upper)
        boxes[family.upper.uid] = { x: familyX + (family.width - boxWidth) / 2, y, width: boxWidth, height };
      const lowerWidth = family.lower.length * (boxWidth + gapX) - gapX;
      family.lower.forEach((workload, i) => {
        const left = familyX + (family.width - lowerWidth) / 2 + i * (boxWidth + gapX);
        boxes[workload.uid] = { x: left, y: lowerY, width: boxWidth, height };
      });
    }
    y = (hasLower ? lowerY : y) + height + tierGap;
  }
  return y - tierGap;
}

const isControlPlane = (node: NodeView) => node.roles.includes('control-plane') || node.roles.includes('master');

/** Control-plane nodes first, then the rest by name. */
function nodeOrder(nodes: readonly NodeView[]): NodeView[] {
  const rank = (node: NodeView) => (isControlPlane(node) ? 0 : 1);
  return [...nodes].sort((a, b) => rank(a) - rank(b) || compareText(a.name, b.name));
}

/** A pod's box size and the space between pods, as cards or as tiles. */
function podGrid(compact: boolean): { width: number; height: number; gap: number } {
  return compact ? { width: M.tile.size, height: M.tile.size, gap: M.tile.gap } : M.pod;
}

/**
 * The rows a region's grid keeps: as many as its pods need, but tiles keep a few spare rows of the previous layout,
 * so a rollout's surge and drain do not move every region below by a row each time.
 */
function keptRows(needed: number, columns: number, before: RegionLayout | undefined, compact: boolean): number {
  if (!compact || !before || before.columns !== columns || before.rows <= needed) return needed;
  return before.rows <= needed + Math.max(1, Math.ceil(needed / 4)) ? before.rows : needed;
}

/** Node regions and the lane in rows (see arrangeRegions), each with its pods in a grid; returns the y below them. */
function placeRegions(
  view: ClusterView,
  y: number,
  width: number,
  layout: GraphLayout,
  previous: GraphLayout | undefined,
): number {
  const nodes = nodeOrder(view.nodes);
  const podsIn = new Map<string, PodView[]>([
    [UNSCHEDULED_LANE, []],
    ...nodes.map((n): [string, PodView[]] => [n.uid, []]),
  ]);
  const nodeUids = new Map(nodes.map((n) => [n.name, n.uid]));
  for (const pod of view.pods) {
    // A pod bound to a node that is gone waits with the unscheduled ones.
    const region = (pod.node !== undefined && nodeUids.get(pod.node)) || UNSCHEDULED_LANE;
    podsIn.get(region)!.push(pod);
  }
  const { padding, header, gap } = M.region;
  const { compact } = layout;
  const pod = podGrid(compact);
  const stepX = pod.width + pod.gap;
  const stepY = pod.height + pod.gap;
  // The control plane runs few pods when workers exist: it stays narrow, like the lane; the workers share the rest.
  const hasWorkers = nodes.some((n) => !isControlPlane(n));
  const requests: RegionRequest[] = [
    ...nodes.map((node): RegionRequest =>
      isControlPlane(node) && hasWorkers
        ? { uid: node.uid, minWidth: M.narrowRegion, grow: 'never' }
        : { uid: node.uid, minWidth: compact ? M.compactRegion : M.narrowRegion, grow: 'always' },
    ),
    { uid: UNSCHEDULED_LANE, minWidth: M.narrowRegion, grow: 'alone' },
  ];
  const before = new Map(previous?.compact === compact ? previous.regions.map((r) => [r.uid, r]) : []);
  let row = 0;
  let rowY = y;
  let bottom = y;
  const places = arrangeRegions(requests, width, { margin: M.margin, gap });
  for (const { uid, row: placeRow, x, width: regionWidth } of places) {
    if (placeRow !== row) {
      row = placeRow;
      rowY = bottom + gap;
    }
    const columns = Math.max(1, Math.floor((regionWidth - 2 * padding + pod.gap) / stepX));
    const pods = podsIn.get(uid)!.sort(comparePodSlots);
    const slots = assignPodSlots(pods, uid, columns, previous?.slots);
    const needed = Math.max(1, Math.ceil((Math.max(-1, ...slots) + 1) / columns));
    const rows = keptRows(needed, columns, before.get(uid), compact);
    const height = 2 * padding + header + rows * stepY - pod.gap;
    const region: RegionLayout = { uid, x, y: rowY, width: regionWidth, height, columns, rows };
    layout.regions.push(region);
    layout.boxes[uid] = { x, y: rowY, width: regionWidth, height };
    pods.forEach((p, i) => {
      const slot = slots[i]!;
      layout.slots[p.uid] = { region: uid, slot };
      layout.boxes[p.uid] = {
        x: x + padding + (slot % columns) * stepX,
        y: rowY + padding + header + Math.floor(slot / columns) * stepY,
        width: pod.width,
        height: pod.height,
      };
    });
    bottom = Math.max(bottom, rowY + height);
  }
  return bottom;
}

function edgeBetween(
  id: string,
  kind: EdgeLayout['kind'],
  from: string,
  to: string,
  boxes: Record<string, LayoutBox>,
  toPod: boolean,
): EdgeLayout | undefined {
  const source = boxes[from];
  const target = boxes[to];
  if (!source || !target) return undefined;
  return {
    id,
    kind,
    from,
    to,
    toPod,
    x1: source.x + source.width / 2,
    y1: source.y + source.height,
    x2: target.x + target.width / 2,
    y2: target.y,
  };
}

/** Owner → owned (workload → workload, workload → pod), then Service → pod for each endpoint. */
function edgesOf(view: ClusterView, boxes: Record<string, LayoutBox>): EdgeLayout[] {
  const edges: EdgeLayout[] = [];
  const workloads = new Set(view.workloads.map((w) => w.uid));
  const pods = new Set(view.pods.map((p) => p.uid));
  const add = (edge: EdgeLayout | undefined) => edge && edges.push(edge);
  for (const [owned, toPod] of [
    ...view.workloads.map((w) => [w, false] as const),
    ...view.pods.map((p) => [p, true] as const),
  ]) {
    const owner = owned.owner?.uid;
    if (owner && workloads.has(owner))
      add(edgeBetween(`owner:${owner}>${owned.uid}`, 'owner', owner, owned.uid, boxes, toPod));
  }
  for (const service of view.services) {
    // A pod may appear once per subset (several port sets): it is ready if any subset says so.
    const ready = new Map<string, boolean>();
    for (const { podUid, ready: isReady } of service.endpoints)
      if (podUid && pods.has(podUid)) ready.set(podUid, isReady || (ready.get(podUid) ?? false));
    for (const [pod, isReady] of ready) {
      const edge = edgeBetween(`endpoint:${service.uid}>${pod}`, 'endpoint', service.uid, pod, boxes, true);
      if (edge) add({ ...edge, ready: isReady });
    }
  }
  return edges;
}

/** The layout with pods as cards or as tiles. */
function layoutAs(view: ClusterView, options: LayoutOptions, compact: boolean): GraphLayout {
  const width = Math.max(Math.floor(options.width), M.minWidth);
  const layout: GraphLayout = { width, height: 0, compact, boxes: {}, regions: [], edges: [], slots: {} };
  let y = M.margin;
  if (view.services.length > 0) {
    const { width: w, height, gap } = M.service;
    y =
      placeRow(
        view.services.map((s) => s.uid),
        { width: w, height, gap },
        y,
        width,
        layout.boxes,
      ) + M.sectionGap;
  }
  if (view.workloads.length > 0) y = placeWorkloads(familiesOf(view.workloads), y, width, layout.boxes) + M.sectionGap;
  const bottom = placeRegions(view, y, width, layout, options.previous);
  layout.edges = edgesOf(view, layout.boxes);
  const right = Math.max(...Object.values(layout.boxes).map((box) => box.x + box.width));
  layout.width = Math.max(width, right + M.margin);
  layout.height = bottom + M.margin;
  return layout;
}

/** The height of the node regions' block, from the top of the first row to the bottom of the last. */
function regionsHeight({ regions }: GraphLayout): number {
  return Math.max(...regions.map((r) => r.y + r.height)) - Math.min(...regions.map((r) => r.y));
}

/**
 * The node regions of `cards` would not fit the view's height (see GRAPH_METRICS.compact; a view that already
 * shows tiles keeps them until cards fit with room to spare).
 */
function cardsTooTall(cards: GraphLayout, { height, previous }: LayoutOptions): boolean {
  if (height === undefined || height <= 0) return false;
  const { tallCards, shortCards } = M.compact;
  return regionsHeight(cards) > (previous?.compact ? shortCards : tallCards) * height;
}

/**
 * Positions of every object of the view, the edges between them, and the size of the whole. Pods are cards, or
 * small tiles (`compact`) when there are many of them or their cards would not fit the view's height.
 */
export function layoutCluster(view: ClusterView, options: LayoutOptions): GraphLayout {
  const { enter, leave } = M.compact;
  if (view.pods.length > (options.previous?.compact ? leave : enter)) return layoutAs(view, options, true);
  const cards = layoutAs(view, options, false);
  return cardsTooTall(cards, options) ? layoutAs(view, options, true) : cards;
}
