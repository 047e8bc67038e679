/**
 * What a running `kubectl get -w` follows and how it prints, as plain data: the request it watches (one resource,
 * a namespace, selectors, or one object by name) and the state its printers carry from one event to the next.
 */
import type { KubeObject, ResourceType, WatchEvent } from '../../api/types';
import { matchesFields, fieldsOf, type FieldSelector } from '../../api/selectors/fieldSelector';
import { matchesLabels, type LabelSelector } from '../../api/selectors/labelSelector';

export interface WatchPrintOptions {
  /** The raw `-o` value (`''`, `wide`, `name`, `yaml`, `json`, `jsonpath=…`, `custom-columns=…`). */
  output: string;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  /** `-A`: a NAMESPACE column for namespaced kinds. */
  allNamespaces: boolean;
  /** `--show-kind`: names as `kind/name`. */
  withKind: boolean;
  showManagedFields: boolean;
  /** `--output-watch-events`: each object printed as a watch event (an EVENT column in tables). */
  outputWatchEvents: boolean;
}

/** What the printers remember between events (cli-runtime's HumanReadablePrinter, YAMLPrinter, the tabwriter). */
export interface WatchPrinterState {
  /** A table header went out (HumanReadablePrinter.printedHeaders): rows follow without one. */
  printedHeaders: boolean;
  /** The tabwriter's remembered column widths (liggitt/tabwriter RememberWidths). */
  widths: number[];
  /** Objects printed as YAML so far: every one after the first starts with `---`. */
  documents: number;
}

export interface GetWatchSpec {
  resource: ResourceType;
  /** Undefined: every namespace (`-A`), or a cluster-scoped resource. */
  namespace?: string;
  /** One object watched by name (a `metadata.name` field selector). */
  name?: string;
  labels?: LabelSelector;
  fields?: FieldSelector;
  print: WatchPrintOptions;
  printer: WatchPrinterState;
}

/**
 * The event a watch with this request sees for one stored change (cacheWatcher.convertToWatchEvent): an object
 * entering the selection is ADDED, one leaving it DELETED as it was before; undefined when the change is not its.
 */
export function watchEventFor(
  spec: GetWatchSpec,
  event: WatchEvent,
  resource: ResourceType,
  previous: KubeObject | undefined,
): WatchEvent | undefined {
  // Checked first and cheaply: most changes in a busy cluster are to other resources.
  if (resource.plural !== spec.resource.plural || resource.group !== spec.resource.group) return undefined;
  const object = event.object;
  if (spec.namespace !== undefined && object.metadata.namespace !== spec.namespace) return undefined;
  if (spec.name !== undefined && object.metadata.name !== spec.name) return undefined;
  const now = event.type !== 'DELETED' && selects(spec, object);
  const before = event.type === 'DELETED' ? selects(spec, object) : previous !== undefined && selects(spec, previous);
  if (now) return { type: before ? 'MODIFIED' : 'ADDED', object };
  if (!before) return undefined;
  return { type: 'DELETED', object: event.type === 'DELETED' ? object : previous! };
}

function selects(spec: GetWatchSpec, object: KubeObject): boolean {
  if (spec.labels && !matchesLabels(spec.labels, object.metadata.labels)) return false;
  return !spec.fields || matchesFields(spec.fields, fieldsOf(spec.resource, object).fields);
}
