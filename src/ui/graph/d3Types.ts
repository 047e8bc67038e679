import type { Selection } from 'd3';

/** A selection of one drawn object's `g` (or a part of it) with its datum. */
export type GroupSelection<T> = Selection<SVGGElement, T, any, any>;
