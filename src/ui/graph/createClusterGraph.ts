/**
 * The animated cluster graph, drawn with d3 into an `<svg>`: node regions holding pod cards (or tiles, when the
 * layout is compact), workloads and Services above, owner and endpoint edges. A plain factory (no React) so updates
 * touch only what changed; pan and zoom with d3-zoom, fitted to the panel until the learner zooms or pans by hand;
 * selection by click or Enter/Space, native tooltips. A probe failure flashes its pod for FLASH_MS of real time
 * (`data-flash`), a restart bumps the badge.
 */
import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3';
// Registers selection.transition(); without it the bundled d3 throws on the first animation.
import 'd3-transition';
import type {
  ClusterView,
  ObjectRef,
  PodView,
  ProbeFailures,
  ServiceView,
  WorkloadView,
} from '../../engine/view/clusterViewTypes';
import {
  buildServiceBox,
  buildWorkloadBox,
  renderService,
  renderWorkload,
  serviceSignature,
  workloadSignature,
} from './drawBoxes';
import { joinEdges } from './drawEdges';
import {
  buildPodCard,
  bumpRestartBadge,
  ensureFlashRing,
  podSignature,
  renderCardGrace,
  renderPodCard,
} from './drawPod';
import { buildPodTile, placePodTile, renderPodTile, renderTileTooltip } from './drawPodTile';
import { buildRegion, regionSignature, renderRegion, type RegionDatum } from './drawRegion';
import { buildTileOverlay, renderTileOverlay, type PlacedPod } from './drawTileOverlay';
import { fitTransform, MIN_FIT_SCALE, needsFit, type Size, type ViewTransform } from './fitView';
import type { Translate } from './graphText';
import { joinLayer, type LayerMemory, type LayerSpec } from './joinLayer';
import type { GraphLayout } from './layoutTypes';

export interface ClusterGraphHandlers {
  /** An object was clicked or activated with Enter/Space; undefined when the background was clicked. */
  onSelect(ref: ObjectRef | undefined): void;
  /** The pointer entered an object (its ref and tooltip text), or left it (undefined, ''). */
  onHover?(ref: ObjectRef | undefined, text: string): void;
}

export interface ClusterGraphUpdateOptions {
  selectedUid?: string;
  /** `prefers-reduced-motion`: nothing moves; flashes show as a still ring. */
  reducedMotion: boolean;
  /** Translations of the `graph` namespace. */
  t: Translate;
  /** Virtual ms for the deletion countdowns; default `view.time`. */
  now?: number;
}

export interface ClusterGraph {
  update(view: ClusterView, layout: GraphLayout, options: ClusterGraphUpdateOptions): void;
  /** Moves the deletion countdowns to `now` (virtual ms) and nothing else: cheap enough for every frame. */
  setTime(now: number): void;
  /** Zooms to show the whole graph, and keeps it fitted as it grows until the learner zooms or pans again. */
  fit(): void;
  destroy(): void;
}

type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** How long a probe failure flashes, in real ms (tools wait for at least 1.5 s). */
const FLASH_MS = 2000;
const MOVE_MS = 450;
/** The flash shown when several probes failed at once: a restart-causing one first. */
const FLASH_ORDER: ProbeKind[] = ['liveness', 'startup', 'readiness'];

let instances = 0;

/** Draws into `svgElement` (which it owns until `destroy`) and reports picks and hovers to `handlers`. */
export function createClusterGraph(svgElement: SVGSVGElement, handlers: ClusterGraphHandlers): ClusterGraph {
  const hatchId = `kp-hatch-${++instances}`;
  const svg = select(svgElement)
    .attr('aria-label', 'Cluster graph')
    .attr('role', 'group')
    .classed('kp-graph-svg', true);
  const pattern = svg
    .append('defs')
    .append('pattern')
    .attr('id', hatchId)
    .attr('width', 8)
    .attr('height', 8)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)');
  pattern.append('line').attr('class', 'kp-hatch-line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 8);
  const viewport = svg.append('g').attr('class', 'kp-viewport');
  const layers = {
    regions: viewport.append('g').attr('class', 'kp-layer-regions'),
    edges: viewport.append('g').attr('class', 'kp-layer-edges'),
    services: viewport.append('g').attr('class', 'kp-layer-services'),
    workloads: viewport.append('g').attr('class', 'kp-layer-workloads'),
    pods: viewport.append('g').attr('class', 'kp-layer-pods'),
    overlay: viewport.append('g').attr('class', 'kp-layer-overlay'),
  };
  buildTileOverlay(layers.overlay);

  const memory: LayerMemory = { signatures: new Map(), positions: new Map(), elements: new Map() };
  const drawnEdges = new Map<string, { path: string; className: string }>();
  /** uid → the object's ref in `refsView`, for the delegated pointer and keyboard handlers. */
  const refs = new Map<string, ObjectRef>();
  let refsView: ClusterView | undefined;
  const seenFailures = new Map<string, ProbeFailures>();
  const seenRestarts = new Map<string, number>();
  const flashes = new Map<string, ReturnType<typeof setTimeout>>();
  const terminating = new Map<string, PodView>();
  let current: { view: ClusterView; layout: GraphLayout; options: ClusterGraphUpdateOptions } | undefined;
  let selectedUid: string | undefined;
  let hoveredUid: string | undefined;
  let translations: Translate | undefined;
  let language = 0;
  let now = 0;
  /** The pods drawn are tiles (the layout was compact when they were made). */
  let drawnCompact = false;
  /** The svg's size in pixels, from the resize observer (reading it in an update would force a layout). */
  let viewSize: Size = { width: 0, height: 0 };
  /** The learner zoomed or panned since the last fit: the graph stops fitting itself. */
  let zoomedByHand = false;

  const zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([MIN_FIT_SCALE, 4])
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      // Only the learner's wheel, drag or pinch has a source event; fits and focus reveals have none.
      if (event.sourceEvent) zoomedByHand = true;
      viewport.attr('transform', event.transform.toString());
    });
  svg.call(zoomBehavior).on('dblclick.zoom', null);

  /** The zoom of the last fit (the graph's zoom, or where it is heading, unless the learner zoomed since). */
  let fitted: ViewTransform | undefined;

  /**
   * Zooms to fit `current`'s content, when `force`d or when it no longer fits well (see needsFit) and the learner
   * has not zoomed by hand since the last fit: at once the first time, over MOVE_MS after.
   */
  function fitContent(force: boolean): void {
    if (!current || viewSize.width === 0 || viewSize.height === 0) return;
    const content = { width: current.layout.width, height: current.layout.height };
    if (!force && (zoomedByHand || !needsFit(fitted ?? zoomTransform(svgElement), content, viewSize))) return;
    const target = fitTransform(content, viewSize);
    const animate = fitted !== undefined && !current.options.reducedMotion;
    fitted = target;
    const transform = zoomIdentity.translate(target.x, target.y).scale(target.k);
    // Unnamed, like d3-zoom's own: a wheel or drag interrupts it.
    if (animate) svg.transition().duration(MOVE_MS).call(zoomBehavior.transform, transform);
    else svg.interrupt().call(zoomBehavior.transform, transform);
  }

  const resizeObserver = new ResizeObserver(([entry]) => {
    if (!entry) return;
    viewSize = { width: entry.contentRect.width, height: entry.contentRect.height };
    fitContent(false);
  });
  resizeObserver.observe(svgElement);

  const objectOf = (target: EventTarget | null) => {
    const element = target instanceof Element ? target.closest<SVGGElement>('[data-uid][role="button"]') : null;
    const uid = element?.getAttribute('data-uid');
    return element && uid ? { uid, element, ref: refOf(uid) } : undefined;
  };

  /**
   * Draws the edges, emphasising those of the selected and hovered objects. With tiles (many pods), the hundreds of
   * pod edges would hide everything (and cost every frame): only the picked objects' pod edges are drawn then.
   */
  function drawEdges(duration: number): void {
    if (!current) return;
    const active = new Set([selectedUid, hoveredUid].filter((uid): uid is string => uid !== undefined));
    const { layout } = current;
    const edges = layout.compact
      ? layout.edges.filter((e) => !e.toPod || active.has(e.from) || active.has(e.to))
      : layout.edges;
    joinEdges(layers.edges, edges, drawnEdges, active, duration);
  }

  /** The pod of `uid` with its tile, when pods are tiles. */
  function placedTile(uid: string | undefined): PlacedPod | undefined {
    if (uid === undefined || !current?.layout.compact) return undefined;
    const pod = current.view.pods.find((p) => p.uid === uid);
    const box = pod && current.layout.boxes[pod.uid];
    return pod && box ? { pod, box } : undefined;
  }

  /** Tiles have no text nor rings of their own: the overlay marks and names the selected and hovered ones. */
  const drawOverlay = () => renderTileOverlay(layers.overlay, placedTile(selectedUid), placedTile(hoveredUid));

  const markActive = () => {
    drawEdges(0);
    drawOverlay();
  };

  svg.on('click.select', (event: MouseEvent) => handlers.onSelect(objectOf(event.target)?.ref));
  svg.on('keydown.select', (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const object = objectOf(event.target);
    if (!object?.ref) return;
    event.preventDefault();
    handlers.onSelect(object.ref);
  });
  svg.on('pointerover.hover focusin.hover', (event: Event) => {
    const object = objectOf(event.target);
    if (!object || object.uid === hoveredUid) return;
    hoveredUid = object.uid;
    markActive();
    refreshTooltip(object.uid);
    if (event.type === 'pointerover' && object.ref)
      handlers.onHover?.(object.ref, object.element.querySelector(':scope > title')?.textContent ?? '');
    if (event.type === 'focusin' && object.element.matches(':focus-visible')) revealFocused(object.uid);
  });
  svg.on('pointerout.hover focusout.hover', (event: Event) => {
    const related = (event as PointerEvent | FocusEvent).relatedTarget;
    if (!hoveredUid || objectOf(related)?.uid === hoveredUid) return;
    hoveredUid = undefined;
    markActive();
    if (event.type === 'pointerout') handlers.onHover?.(undefined, '');
  });

  /** Pans a keyboard-focused object into view when it is outside. */
  function revealFocused(uid: string): void {
    const box = current?.layout.boxes[uid];
    if (!box) return;
    const transform = zoomTransform(svgElement);
    const left = transform.applyX(box.x);
    const top = transform.applyY(box.y);
    const right = transform.applyX(box.x + box.width);
    const bottom = transform.applyY(box.y + box.height);
    const { clientWidth, clientHeight } = svgElement;
    if (left >= 0 && top >= 0 && right <= clientWidth && bottom <= clientHeight) return;
    zoomBehavior.translateTo(svg, box.x + box.width / 2, box.y + box.height / 2);
  }

  const t: Translate = (key, values) => translations!(key, values);

  function flash(uid: string, kind: ProbeKind): void {
    const element = memory.elements.get(uid);
    const box = current?.layout.boxes[uid];
    if (!element || !box) return;
    clearTimeout(flashes.get(uid));
    ensureFlashRing(select(element), drawnCompact ? box : { ...box, x: 0, y: 0 });
    element.setAttribute('data-flash', kind);
    flashes.set(
      uid,
      setTimeout(() => {
        flashes.delete(uid);
        memory.elements.get(uid)?.removeAttribute('data-flash');
      }, FLASH_MS),
    );
  }

  /** Flashes pods whose failure counts rose and bumps badges whose restarts rose (not for what the first update finds). */
  function noticeChanges(pods: readonly PodView[], first: boolean, reducedMotion: boolean): void {
    const present = new Set<string>();
    for (const pod of pods) {
      present.add(pod.uid);
      const before = seenFailures.get(pod.uid);
      const after = pod.probeFailures;
      if (!first && before !== after) {
        const rose = FLASH_ORDER.find((kind) => after[kind] > (before?.[kind] ?? 0));
        if (rose) flash(pod.uid, rose);
      }
      seenFailures.set(pod.uid, after);
      const restarts = seenRestarts.get(pod.uid);
      if (!reducedMotion && restarts !== undefined && pod.restarts > restarts) {
        const element = memory.elements.get(pod.uid);
        if (element) bumpRestartBadge(element);
      }
      seenRestarts.set(pod.uid, pod.restarts);
    }
    for (const uid of seenFailures.keys()) {
      if (present.has(uid)) continue;
      seenFailures.delete(uid);
      seenRestarts.delete(uid);
      clearTimeout(flashes.get(uid));
      flashes.delete(uid);
    }
  }

  /** Moves the selection mark; returns whether it moved. */
  function syncSelection(uid: string | undefined): boolean {
    if (uid === selectedUid) return false;
    if (selectedUid) memory.elements.get(selectedUid)?.removeAttribute('data-selected');
    selectedUid = uid;
    return true;
  }

  function applySelection(): void {
    if (selectedUid) memory.elements.get(selectedUid)?.setAttribute('data-selected', 'true');
  }

  /**
   * Brings a pod's tooltip up to `now`: a card's countdown (bar and tooltip), or a tile's whole tooltip, which is
   * written only for the tile pointed at or focused.
   */
  function refreshTooltip(uid: string): void {
    const element = memory.elements.get(uid);
    if (!element || !current) return;
    const g = select<SVGGElement, PodView>(element);
    if (!drawnCompact) {
      const pod = terminating.get(uid);
      if (pod) renderCardGrace(g, pod, t, now);
      return;
    }
    const pod = current.view.pods.find((p) => p.uid === uid);
    if (pod) renderTileTooltip(g, pod, t, now);
  }

  /** Moves the deletion countdowns to `time`: every terminating card's, the tooltip of the tile pointed at. */
  function setTime(time: number): void {
    now = time;
    if (!drawnCompact) for (const uid of terminating.keys()) refreshTooltip(uid);
    else if (hoveredUid !== undefined && terminating.has(hoveredUid)) refreshTooltip(hoveredUid);
  }

  /** Cards and tiles are built differently: a switch between them draws every pod anew, at once. */
  function switchPodForm(compact: boolean): void {
    if (compact === drawnCompact) return;
    drawnCompact = compact;
    layers.pods.selectAll<SVGGElement, PodView>('g.kp-pod').each((d) => {
      memory.signatures.delete(d.uid);
      memory.positions.delete(d.uid);
      memory.elements.delete(d.uid);
    });
    layers.pods.selectAll('*').interrupt().remove();
    layers.pods.classed('kp-layer-pods--compact', compact);
  }

  const podSpec = (layout: GraphLayout): LayerSpec<PodView> =>
    layout.compact
      ? {
          className: 'kp-pod',
          uid: (d) => d.uid,
          box: (d) => layout.boxes[d.uid],
          build: buildPodTile,
          signature: podSignature,
          render: (g, d) => {
            const box = layout.boxes[d.uid];
            if (box) renderPodTile(g, d, box);
          },
          place: placePodTile,
        }
      : {
          className: 'kp-pod',
          uid: (d) => d.uid,
          box: (d) => layout.boxes[d.uid],
          build: buildPodCard,
          signature: podSignature,
          render: (g, d) => renderPodCard(g, d, t, now),
        };

  function update(view: ClusterView, layout: GraphLayout, options: ClusterGraphUpdateOptions): void {
    const first = current === undefined;
    const relaid = current?.layout !== layout;
    const same =
      current?.view === view &&
      current.layout === layout &&
      current.options.t === options.t &&
      current.options.reducedMotion === options.reducedMotion;
    if (options.t !== translations) {
      translations = options.t;
      language++;
    }
    current = { view, layout, options };
    const selectionMoved = syncSelection(options.selectedUid);
    if (same) {
      setTime(options.now ?? view.time);
      applySelection();
      if (selectionMoved) markActive();
      return;
    }
    now = options.now ?? view.time;
    const duration = options.reducedMotion ? 0 : MOVE_MS;
    svg.attr('data-reduced-motion', options.reducedMotion ? 'true' : null);
    const join = { duration, prefix: String(language) };
    // Hundreds of tiles fading in and out would repaint the graph on every frame of a rollout: tiles come and go at
    // once (their shapes tell the state), and glide only when their region moves.
    const podJoin = { ...join, fades: !layout.compact };
    const nodesByUid = new Map(view.nodes.map((node) => [node.uid, node]));
    const nodeNames = new Set(view.nodes.map((node) => node.name));
    const laneCount = view.pods.filter((pod) => pod.node === undefined || !nodeNames.has(pod.node)).length;
    const regions: RegionDatum[] = layout.regions.map((region) => {
      const node = nodesByUid.get(region.uid);
      return node ? { region, node, podCount: 0 } : { region, podCount: laneCount };
    });
    joinLayer(
      layers.regions,
      regions,
      {
        className: 'kp-region',
        uid: (d) => d.region.uid,
        box: (d) => d.region,
        build: (g) => buildRegion(g, hatchId),
        signature: regionSignature,
        render: (g, d) => renderRegion(g, d, t),
      },
      memory,
      join,
    );
    drawEdges(duration);
    joinLayer<ServiceView>(
      layers.services,
      view.services,
      {
        className: 'kp-service',
        uid: (d) => d.uid,
        box: (d) => layout.boxes[d.uid],
        build: buildServiceBox,
        signature: serviceSignature,
        render: (g, d) => renderService(g, d, t),
      },
      memory,
      join,
    );
    joinLayer<WorkloadView>(
      layers.workloads,
      view.workloads,
      {
        className: 'kp-workload',
        uid: (d) => d.uid,
        box: (d) => layout.boxes[d.uid],
        build: buildWorkloadBox,
        signature: workloadSignature,
        render: (g, d) => renderWorkload(g, d, t),
      },
      memory,
      join,
    );
    switchPodForm(layout.compact);
    joinLayer<PodView>(layers.pods, view.pods, podSpec(layout), memory, podJoin);
    terminating.clear();
    for (const pod of view.pods) if (pod.deletionDeadline !== undefined) terminating.set(pod.uid, pod);
    setTime(now);
    if (hoveredUid !== undefined) refreshTooltip(hoveredUid);
    noticeChanges(view.pods, first, options.reducedMotion);
    applySelection();
    drawOverlay();
    if (relaid) fitContent(false);
  }

  /** The ref of a drawn object, looked up in the current view when the learner points at or picks one. */
  function refOf(uid: string): ObjectRef | undefined {
    const view = current?.view;
    if (!view) return undefined;
    if (refsView !== view) {
      refsView = view;
      refs.clear();
      for (const { name, uid: id } of view.nodes) refs.set(id, { kind: 'Node', name, uid: id });
      for (const { namespace, name, uid: id } of view.services)
        refs.set(id, { kind: 'Service', namespace, name, uid: id });
      for (const { kind, namespace, name, uid: id } of view.workloads) refs.set(id, { kind, namespace, name, uid: id });
      for (const { namespace, name, uid: id } of view.pods) refs.set(id, { kind: 'Pod', namespace, name, uid: id });
    }
    return refs.get(uid);
  }

  return {
    update,
    setTime,
    fit() {
      zoomedByHand = false;
      fitContent(true);
    },
    destroy() {
      resizeObserver.disconnect();
      for (const timer of flashes.values()) clearTimeout(timer);
      flashes.clear();
      svg.on('.zoom', null).on('.select', null).on('.hover', null);
      svg.selectAll('*').remove();
      svg.classed('kp-graph-svg', false).attr('data-reduced-motion', null);
    },
  };
}
