/**
 * One layer of drawn objects, joined to its data by uid. Each object is built once, redrawn only when its signature
 * changes and moved only when its box moves, so an update costs what changed. New objects fade and grow in, gone
 * ones fade out (at once with reduced motion); a gone object loses its data attributes and role at once.
 */
import { easeCubicInOut, select } from 'd3';
import 'd3-transition';
import type { GroupSelection } from './d3Types';
import type { LayoutBox } from './layoutTypes';

export interface LayerSpec<T> {
  /** Class of the layer's objects, e.g. `kp-pod`. */
  className: string;
  uid(datum: T): string;
  box(datum: T): LayoutBox | undefined;
  /** Appends the parts that never change. */
  build(g: GroupSelection<T>): void;
  /** Everything `render` shows, as one string. */
  signature(datum: T): string;
  render(g: GroupSelection<T>, datum: T): void;
}

/** What the layers share between updates. */
export interface LayerMemory {
  /** uid → the signature last rendered. */
  signatures: Map<string, string>;
  /** uid → `x,y` last placed. */
  positions: Map<string, string>;
  /** uid → the object's element, for selection and flashes. */
  elements: Map<string, SVGGElement>;
}

/** Removes the data attributes and the button role of an element on its way out, so tools see it gone. */
function retire(element: SVGGElement): void {
  for (const name of element.getAttributeNames())
    if (name.startsWith('data-') || name.startsWith('aria-') || name === 'role' || name === 'tabindex')
      element.removeAttribute(name);
  element.setAttribute('class', 'kp-exiting');
  element.setAttribute('aria-hidden', 'true');
}

/** Joins `items` into `layer`; `prefix` is added to every signature (the language, so a new `t` redraws texts). */
export function joinLayer<T>(
  layer: GroupSelection<unknown>,
  items: readonly T[],
  spec: LayerSpec<T>,
  memory: LayerMemory,
  options: { duration: number; prefix: string },
): void {
  const { duration } = options;
  const joined = layer.selectAll<SVGGElement, T>(`g.${spec.className}`).data(items, (d) => spec.uid(d));
  joined.exit<T>().each(function (d) {
    const uid = spec.uid(d);
    memory.signatures.delete(uid);
    memory.positions.delete(uid);
    memory.elements.delete(uid);
    retire(this);
    const g = select(this);
    if (duration > 0) g.transition('exit').duration(duration).style('opacity', 0).remove();
    else g.remove();
  });
  const enter = joined
    .enter()
    .append('g')
    .attr('class', `kp-obj ${spec.className}`)
    .each(function (d) {
      memory.elements.set(spec.uid(d), this);
      spec.build(select<SVGGElement, T>(this));
    });
  enter.merge(joined).each(function (d) {
    const uid = spec.uid(d);
    const g = select<SVGGElement, T>(this);
    const signature = `${options.prefix}|${spec.signature(d)}`;
    if (memory.signatures.get(uid) !== signature) {
      memory.signatures.set(uid, signature);
      spec.render(g, d);
    }
    const box = spec.box(d);
    if (!box) return;
    const position = `${box.x},${box.y}`;
    if (memory.positions.get(uid) === position) return;
    const transform = `translate(${box.x}px,${box.y}px)`;
    if (duration > 0 && memory.positions.has(uid))
      g.transition('move').duration(duration).ease(easeCubicInOut).style('transform', transform);
    else g.interrupt('move').style('transform', transform);
    memory.positions.set(uid, position);
  });
  if (duration > 0 && !enter.empty()) {
    enter.style('opacity', 0).transition('enter').duration(duration).style('opacity', 1);
    enter
      .select('.kp-body')
      .attr('transform', (d) => {
        const box = spec.box(d);
        return box
          ? `translate(${box.width / 2},${box.height / 2}) scale(0.6) translate(${-box.width / 2},${-box.height / 2})`
          : null;
      })
      .transition('enter')
      .duration(duration)
      .attr('transform', 'translate(0,0) scale(1)');
  }
  // New objects go to their place in the data order, which is also the keyboard's tab order.
  if (!enter.empty()) enter.merge(joined).order();
}
