/**
 * nodeSelector and node affinity (component-helpers/scheduling/corev1/nodeaffinity): a pod fits a node when every
 * nodeSelector label matches and at least one required term matches; preferred terms add their weight.
 */
import type { Node, Pod } from '../api/kinds';

interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: SelectorRequirement[];
  matchFields?: SelectorRequirement[];
}

/** strconv.ParseInt(s, 10, 64) accepts an optional sign and decimal digits only. */
function parseInteger(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** labels.Requirement.Matches for the node selector operators; a malformed Gt/Lt matches nothing. */
function matchesRequirement(value: string | undefined, requirement: SelectorRequirement): boolean {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? parseInteger(values[0]!) : undefined;
      const actual = value === undefined ? undefined : parseInteger(value);
      if (bound === undefined || actual === undefined) return false;
      return requirement.operator === 'Gt' ? actual > bound : actual < bound;
    }
    default:
      return false;
  }
}

/** A NodeSelectorTerm: all its expressions (labels) and fields (only `metadata.name`) match; an empty term matches nothing. */
export function matchesNodeSelectorTerm(node: Node, term: NodeSelectorTerm): boolean {
  const labels = node.metadata.labels ?? {};
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  return (
    expressions.every((r) => matchesRequirement(labels[r.key], r)) &&
    fields.every((r) => matchesRequirement(r.key === 'metadata.name' ? node.metadata.name : undefined, r))
  );
}

function requiredTerms(pod: Pod): NodeSelectorTerm[] | undefined {
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required ? (required.nodeSelectorTerms as NodeSelectorTerm[]) : undefined;
}

/** GetRequiredNodeAffinity(pod).Match: the nodeSelector and the required terms (ORed). */
export function matchesRequiredNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const terms = requiredTerms(pod);
  return !terms || terms.some((term) => matchesNodeSelectorTerm(node, term));
}

/** Whether NodeAffinity has anything to filter (its PreFilter skips pods with neither selector nor required terms). */
export function hasRequiredNodeAffinity(pod: Pod): boolean {
  return pod.spec.nodeSelector !== undefined || requiredTerms(pod) !== undefined;
}

export type NodeNameRestriction = { kind: 'all' } | { kind: 'names'; names: string[] } | { kind: 'conflict' };

/**
 * NodeAffinity's PreFilter: when every required term pins `metadata.name In [...]`, only those nodes are
 * evaluated (the others are reported as not satisfying NodeAffinity); terms pinning disjoint names conflict.
 */
export function nodeNamesFromAffinity(pod: Pod): NodeNameRestriction {
  const terms = requiredTerms(pod);
  if (!terms || terms.length === 0) return { kind: 'all' };
  const union = new Set<string>();
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const field of term.matchFields ?? []) {
      if (field.key !== 'metadata.name' || field.operator !== 'In') continue;
      const values = new Set(field.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => values.has(n))) : values;
    }
    // A term without a name pin lets every node through (terms are ORed).
    if (!termNames) return { kind: 'all' };
    for (const name of termNames) union.add(name);
  }
  return union.size === 0 ? { kind: 'conflict' } : { kind: 'names', names: [...union] };
}

/** NodeAffinity's Score: the summed weights of the preferred terms the node matches. */
export function preferredAffinityScore(pod: Pod, node: Node): number {
  let score = 0;
  for (const term of pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (matchesNodeSelectorTerm(node, term.preference as NodeSelectorTerm)) score += term.weight;
  }
  return score;
}

/** Whether the pod has preferred terms (NodeAffinity's PreScore skips it otherwise). */
export function hasPreferredNodeAffinity(pod: Pod): boolean {
  return (pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}
