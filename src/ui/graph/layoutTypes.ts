/** Where the cluster graph draws each object: plain boxes keyed by uid, so updates move what moved and nothing else. */
import type { PodSlot } from './assignPodSlots';

export interface LayoutBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A node's region, or the lane of pods no node holds. */
export interface RegionLayout extends LayoutBox {
  /** The node's uid, or UNSCHEDULED_LANE. */
  uid: string;
  /** Pod grid columns. */
  columns: number;
  /** Pod grid rows, empty ones included (a region shrinks only once it has several rows to spare). */
  rows: number;
}

export interface EdgeLayout {
  /** Stable id: `owner:<from>><to>` or `endpoint:<service>><pod>`. */
  id: string;
  kind: 'owner' | 'endpoint';
  from: string;
  to: string;
  /** The edge ends at a pod (the many edges, drawn faintly when there are many pods). */
  toPod: boolean;
  /** An endpoint edge: the address is ready (in `addresses`, not `notReadyAddresses`). */
  ready?: boolean;
  /** From the source's bottom centre to the target's top centre. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** Pods are small tiles without text (many pods), not cards. */
  compact: boolean;
  /** Every drawn object's box by uid: nodes, the lane, workloads, Services, pods. */
  boxes: Record<string, LayoutBox>;
  /** Node regions (control plane first, then workers by name), then the unscheduled lane. */
  regions: RegionLayout[];
  edges: EdgeLayout[];
  /** Each pod's region and grid slot, for the next layout to keep. */
  slots: Record<string, PodSlot>;
}

/** The uid-like key of the "Pending / unscheduled" lane. */
export const UNSCHEDULED_LANE = 'lane:unscheduled';
