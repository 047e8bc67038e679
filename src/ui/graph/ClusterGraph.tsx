/**
 * The cluster graph as a React component: it owns an `<svg>` and hands it to createClusterGraph, which draws and
 * animates outside React, and a Fit button over it. React renders only when the view, the selection, the size or
 * the language change.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClusterView, ObjectRef } from '../../engine/view/clusterViewTypes';
import { createClusterGraph, type ClusterGraph as ClusterGraphHandle } from './createClusterGraph';
import type { Translate } from './graphText';
import { layoutCluster } from './layoutCluster';
import type { GraphLayout } from './layoutTypes';
import './graph.css';

export interface ClusterGraphProps {
  view: ClusterView | undefined;
  selectedUid?: string;
  onSelect(ref: ObjectRef | undefined): void;
  /**
   * Virtual ms for the deletion countdowns, when the page's clock runs ahead of `view.time` (the worker sends a view
   * only when something changed); optional.
   */
  now?: number;
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const prefersReducedMotion = () => window.matchMedia(REDUCED_MOTION).matches;

export function ClusterGraph({ view, selectedUid, onSelect, now }: ClusterGraphProps) {
  const { t } = useTranslation('graph');
  const containerRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const graphRef = useRef<ClusterGraphHandle | null>(null);
  const onSelectRef = useRef(onSelect);
  const nowRef = useRef(now);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const { width, height } = size;
  const reducedMotion = useSyncExternalStore(subscribeReducedMotion, prefersReducedMotion, () => false);
  const translate = useCallback<Translate>((key, values) => t(key, values), [t]);
  /** The last layout and what it was made from: the next one keeps its pods' slots. */
  const layoutRef = useRef<{ view: ClusterView; width: number; height: number; layout: GraphLayout } | undefined>(
    undefined,
  );

  useLayoutEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const graph = createClusterGraph(svgRef.current!, { onSelect: (ref) => onSelectRef.current(ref) });
    graphRef.current = graph;
    return () => {
      graph.destroy();
      graphRef.current = null;
    };
  }, []);

  useEffect(() => {
    const container = containerRef.current!;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const measured = { width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) };
      setSize((before) => (before.width === measured.width && before.height === measured.height ? before : measured));
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    nowRef.current = now;
    if (now !== undefined) graphRef.current?.setTime(now);
  }, [now]);

  useEffect(() => {
    if (!view || width === 0) return;
    let last = layoutRef.current;
    if (last?.view !== view || last.width !== width || last.height !== height) {
      last = { view, width, height, layout: layoutCluster(view, { width, height, previous: last?.layout }) };
      layoutRef.current = last;
    }
    graphRef.current?.update(view, last.layout, { selectedUid, reducedMotion, t: translate, now: nowRef.current });
  }, [view, width, height, selectedUid, reducedMotion, translate]);

  return (
    <div className="kp-graph" ref={containerRef}>
      <svg ref={svgRef} aria-label="Cluster graph" />
      <button
        type="button"
        className="kp-graph-fit"
        aria-label={t('fit')}
        title={t('fitHint')}
        onClick={() => graphRef.current?.fit()}
      >
        {t('fitShort')}
      </button>
    </div>
  );
}
