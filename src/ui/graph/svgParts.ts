/** Small helpers for the parts of a drawn object: made on first need, texts written only when they change. */
import type { GroupSelection } from './d3Types';

/**
 * The part of that class in a drawn object, appended by `create` (to the object's `.kp-body`, or to the object itself
 * when it has none) the first time it is needed.
 */
export function ensurePart<T>(
  g: GroupSelection<T>,
  className: string,
  create: (parent: GroupSelection<T>) => void,
): GroupSelection<T> {
  if (g.select(`.${className}`).empty()) {
    const body = g.select<SVGGElement>(':scope > .kp-body');
    create(body.empty() ? g : body);
  }
  return g.select<SVGGElement>(`.${className}`);
}

/** Sets a text only when it changed: a new text costs a text layout. */
export function setText<T>(selection: GroupSelection<T>, selector: string, text: string): void {
  const node = selection.select(selector).node() as Element | null;
  if (node && node.textContent !== text) node.textContent = text;
}

/**
 * Sets the attributes that differ from `attributes` and removes those given as null: an attribute written again with
 * its own value still queues a mutation record and may invalidate style.
 */
export function writeAttributes(element: Element, attributes: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (element.getAttribute(name) === value) continue;
    if (value === null) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}
