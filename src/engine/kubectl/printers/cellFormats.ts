/** Cell formats several printers share (`K:pkg/printers/internalversion/printers.go`, apimachinery helpers). */
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import { formatLabelSelector, labelSelectorFromSpec, type LabelSelectorSpec } from '../../api/selectors/labelSelector';
import { formatQuantity, parseQuantity } from '../../api/quantity/quantity';

/** `layoutContainerCells`: container names and images, each comma-joined. */
export function layoutContainerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** `labels.FormatLabels`: sorted `key=value` pairs, comma-joined, or `<none>`. */
export function formatLabelMap(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/** `LabelSelectorAsSelector(...).String()`: `app=web`, `''` for an empty selector, `<error>` for an invalid one. */
export function selectorString(spec: LabelSelectorSpec | undefined | null): string {
  const selector = labelSelectorFromSpec(spec);
  return 'error' in selector ? '<error>' : formatLabelSelector(selector);
}

/** `metav1.FormatLabelSelector`: as `selectorString`, with `<none>` for an empty selector. */
export function formatSelectorSpec(spec: LabelSelectorSpec | undefined | null): string {
  return selectorString(spec) || '<none>';
}

/** `printBoolPtr`: `True`, `False`, or `<unset>`. */
export function printBoolPtr(value: boolean | undefined | null): string {
  if (value === undefined || value === null) return '<unset>';
  return value ? 'True' : 'False';
}

/** `listWithMoreString`: at most `max` items, then ` + N more...`; `<unset>` when empty. */
export function listWithMore(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown || '<unset>';
}

/** `Quantity.String()` of a stored quantity (`1024Mi` → `1Gi`); `0` when absent. */
export function quantityString(value: unknown): string {
  if (value === undefined || value === null) return '0';
  const parsed = parseQuantity(String(value));
  return parsed.ok ? formatQuantity(parsed.value) : String(value);
}
