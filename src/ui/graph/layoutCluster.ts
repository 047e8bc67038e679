/**
 * Lays the cluster out top to bottom: Services, then workloads in two tiers (CronJobs and Deployments above what
 * they own), then the node regions side by side with their pods in a grid, and the lane of unscheduled pods. Pure and
 * deterministic: the same view, width and previous layout give the same layout, and everything is keyed by uid.
 */
import type { ClusterView, NodeView, PodView, WorkloadView } from '../../engine/view/clusterViewTypes';
import { assignPodSlots } from './assignPodSlots';
import { GRAPH_METRICS as M } from './graphMetrics';
import { UNSCHEDULED_LANE, type EdgeLayout, type GraphLayout, type LayoutBox, type RegionLayout } from './layoutTypes';

export interface LayoutOptions {
  /** The width to fit (the graph's container); content wider than this wraps, else grows the layout's width. */
  width: number;
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

const regionWidthFor = (columns: number) => columns * (M.pod.width + M.pod.gap) - M.pod.gap + 2 * M.region.padding;

/** Node regions and the lane side by side (wrapping), each with its pods in a grid; returns the y below them. */
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
  const step = M.pod.width + M.pod.gap;
  // The control plane runs few pods when workers exist: one column, like the lane; the workers share the rest.
  const isNarrow = (node: NodeView) => isControlPlane(node) && nodes.some((n) => !isControlPlane(n));
  const narrowWidth = regionWidthFor(1);
  const wide = nodes.filter((n) => !isNarrow(n));
  const taken = (nodes.length - wide.length + M.laneColumns) * (narrowWidth + gap);
  const available = width - 2 * M.margin - taken - (wide.length - 1) * gap;
  const wideWidth = Math.max(narrowWidth, Math.floor(available / Math.max(wide.length, 1)));
  const regions: { uid: string; width: number; columns: number }[] = [
    ...nodes.map((node) => {
      const regionWidth = isNarrow(node) ? narrowWidth : wideWidth;
      return { uid: node.uid, width: regionWidth, columns: Math.floor((regionWidth - 2 * padding + M.pod.gap) / step) };
    }),
    { uid: UNSCHEDULED_LANE, width: regionWidthFor(M.laneColumns), columns: M.laneColumns },
  ];
  let x = M.margin;
  let rowY = y;
  let bottom = y;
  for (const { uid, width: regionWidth, columns } of regions) {
    if (x > M.margin && x + regionWidth > width - M.margin) {
      x = M.margin;
      rowY = bottom + gap;
    }
    const pods = podsIn.get(uid)!.sort(comparePodSlots);
    const slots = assignPodSlots(pods, uid, columns, previous?.slots);
    const rows = Math.max(1, Math.ceil((Math.max(-1, ...slots) + 1) / columns));
    const height = 2 * padding + header + rows * (M.pod.height + M.pod.gap) - M.pod.gap;
    const region: RegionLayout = { uid, x, y: rowY, width: regionWidth, height, columns };
    layout.regions.push(region);
    layout.boxes[uid] = { x, y: rowY, width: regionWidth, height };
    pods.forEach((pod, i) => {
      const slot = slots[i]!;
      layout.slots[pod.uid] = { region: uid, slot };
      layout.boxes[pod.uid] = {
        x: x + padding + (slot % columns) * step,
        y: rowY + padding + header + Math.floor(slot / columns) * (M.pod.height + M.pod.gap),
        width: M.pod.width,
        height: M.pod.height,
      };
    });
    bottom = Math.max(bottom, rowY + height);
    x += regionWidth + gap;
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

/** Positions of every object of the view, the edges between them, and the size of the whole. */
export function layoutCluster(view: ClusterView, options: LayoutOptions): GraphLayout {
  const width = Math.max(Math.floor(options.width), M.minWidth);
  const layout: GraphLayout = { width, height: 0, boxes: {}, regions: [], edges: [], slots: {} };
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
