/**
 * One layer of drawn objects, joined to its data by uid. Each object is built once, redrawn only when its signature
 * changes and moved only when its box moves, so an update costs what changed. New objects fade (and cards grow) in,
 * gone ones fade out (at once with reduced motion); a gone object loses its data attributes and role at once.
 * Fades use the inherited `fill-opacity` and `stroke-opacity`, not `opacity`, which would make each fading object a
 * compositing group of its own (a paint chunk each, costly when a rollout fades dozens of pods at once).
 */
import { easeCubicInOut, select, type Transition } from 'd3';
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
  /**
   * Moves the object's shapes to `box`, for objects drawn in the layer's coordinates (tiles): they get a transform
   * only while they glide to a new place. Without it, an object is drawn from 0,0 and placed by its transform.
   */
  place?(g: GroupSelection<T>, box: LayoutBox): void;
}

/** What the layers share between updates. */
export interface LayerMemory {
  /** uid → the signature last rendered. */
  signatures: Map<string, string>;
  /** uid → the box's `x,y` last placed. */
  positions: Map<string, string>;
  /** uid → the object's element, for selection and flashes. */
  elements: Map<string, SVGGElement>;
}

/** graph.css draws a terminating pod at this fill and stroke opacity; its fade out starts there. */
const TERMINATING_OPACITY = 0.6;
const FADED = ['fill-opacity', 'stroke-opacity'] as const;

/** Removes the data attributes and the button role of an element on its way out, so tools see it gone. */
function retire(element: SVGGElement): void {
  for (const name of element.getAttributeNames())
    if (
      (name.startsWith('data-') && name !== 'data-category') ||
      name.startsWith('aria-') ||
      name === 'role' ||
      name === 'tabindex'
    )
      element.removeAttribute(name);
  // Its colours (data-category) stay while it fades.
  element.setAttribute('class', 'kp-exiting');
  element.setAttribute('aria-hidden', 'true');
}

/** Fades `g` from `from` to `to` over `duration` ms; the tweens never read the computed style. */
function fade<T>(
  g: GroupSelection<T>,
  name: string,
  from: number,
  to: number,
  duration: number,
): Transition<SVGGElement, T, any, any> {
  for (const property of FADED) g.style(property, from);
  const transition = g.transition(name).duration(duration);
  for (const property of FADED) transition.styleTween(property, () => (t) => String(from + (to - from) * t));
  return transition;
}

/** Places `g` at `box` (moving over `duration` ms from `before`, its last place, if any). */
function move<T>(
  g: GroupSelection<T>,
  box: LayoutBox,
  before: string | undefined,
  spec: LayerSpec<T>,
  duration: number,
): void {
  if (!spec.place) {
    // A transform attribute: SVG paints it without the style recalculation a CSS transform costs.
    const transform = `translate(${box.x},${box.y})`;
    if (duration > 0 && before !== undefined)
      g.transition('move').duration(duration).ease(easeCubicInOut).attr('transform', transform);
    else g.interrupt('move').attr('transform', transform);
    return;
  }
  spec.place(g, box);
  g.interrupt('move');
  if (duration === 0 || before === undefined) {
    g.attr('transform', null);
    return;
  }
  // Drawn at the new place already: start shifted back to the old one, glide to none, and drop the transform.
  const [x, y] = before.split(',').map(Number) as [number, number];
  g.attr('transform', `translate(${x - box.x},${y - box.y})`)
    .transition('move')
    .duration(duration)
    .ease(easeCubicInOut)
    .attr('transform', 'translate(0,0)')
    .on('end', function () {
      this.removeAttribute('transform');
    });
}

/**
 * Joins `items` into `layer`; `prefix` is added to every signature (the language, so a new `t` redraws texts).
 * Objects move over `duration` ms, and fade in and out over it too unless `fades` is false.
 */
export function joinLayer<T>(
  layer: GroupSelection<unknown>,
  items: readonly T[],
  spec: LayerSpec<T>,
  memory: LayerMemory,
  options: { duration: number; prefix: string; fades?: boolean },
): void {
  const { duration } = options;
  const fadeDuration = options.fades === false ? 0 : duration;
  const joined = layer.selectAll<SVGGElement, T>(`g.${spec.className}`).data(items, (d) => spec.uid(d));
  joined.exit<T>().each(function (d) {
    const uid = spec.uid(d);
    memory.signatures.delete(uid);
    memory.positions.delete(uid);
    memory.elements.delete(uid);
    const from = this.hasAttribute('data-terminating') ? TERMINATING_OPACITY : 1;
    retire(this);
    const g = select(this);
    if (fadeDuration > 0) fade(g, 'exit', from, 0, fadeDuration).remove();
    else g.remove();
  });
  // enter() inserts each new object before the next one of the data, so the document (and tab) order follows the
  // data's without moving any existing element.
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
    const before = memory.positions.get(uid);
    if (before === position) return;
    memory.positions.set(uid, position);
    move(g, box, before, spec, duration);
  });
  if (fadeDuration > 0 && !enter.empty()) {
    enter.each(function () {
      fade(select(this), 'enter', 0, 1, fadeDuration).on('end', function () {
        for (const property of FADED) this.style.removeProperty(property);
      });
    });
    if (!spec.place)
      enter
        .select<SVGGElement>('.kp-body')
        .attr('transform', (d) => {
          const box = spec.box(d);
          return box
            ? `translate(${box.width / 2},${box.height / 2}) scale(0.6) translate(${-box.width / 2},${-box.height / 2})`
            : null;
        })
        .transition('enter')
        .duration(fadeDuration)
        .attr('transform', 'translate(0,0) scale(1)')
        .on('end', function () {
          this.removeAttribute('transform');
        });
  }
}
