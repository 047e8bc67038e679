/**
 * Fitting the graph into its panel: the zoom that shows all the content (never enlarged past 1), and whether the
 * zoom in force should give way to it. Pure, in SVG user units and pixels.
 */

export interface Size {
  width: number;
  height: number;
}

/** A zoom: scale `k`, then translate by `x`,`y` pixels (d3-zoom's transform). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/** The smallest scale a fit uses (the zoom's own lower limit). */
export const MIN_FIT_SCALE = 0.1;

/** Content that fits is shown at scale 1 from the top left; content that does not is scaled down and centred across. */
export function fitTransform(content: Size, view: Size): ViewTransform {
  const k = Math.max(MIN_FIT_SCALE, Math.min(1, view.width / content.width, view.height / content.height));
  if (k === 1) return { k, x: 0, y: 0 };
  return { k, x: Math.max(0, (view.width - content.width * k) / 2), y: 0 };
}

/**
 * Whether to refit: the content spills out of the view under `current`, or a fit would show it more than 10% larger
 * (it shrank). Small shrinks keep the zoom, so content that shrinks and grows back by a row does not rescale twice.
 */
export function needsFit(current: ViewTransform, content: Size, view: Size): boolean {
  const fit = fitTransform(content, view);
  if (Math.abs(current.k - fit.k) < 1e-9 && Math.abs(current.x - fit.x) < 0.5 && Math.abs(current.y - fit.y) < 0.5)
    return false;
  const spills =
    current.x < -0.5 ||
    current.y < -0.5 ||
    current.x + content.width * current.k > view.width + 0.5 ||
    current.y + content.height * current.k > view.height + 0.5;
  return spills || current.k < fit.k / 1.1;
}
