/**
 * nodeSelector and required node affinity (component-helpers/scheduling/corev1/nodeaffinity): a pod fits a node when
 * every nodeSelector label matches and at least one required term matches.
 */
import type { Node, Pod } from '../api/kinds';

interface SelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

interface SelectorTerm {
  matchExpressions?: SelectorRequirement[];
  matchFields?: SelectorRequirement[];
}

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
      if (value === undefined || values.length !== 1) return false;
      const left = Number.parseInt(value, 10);
      const right = Number.parseInt(values[0]!, 10);
      if (Number.isNaN(left) || Number.isNaN(right)) return false;
      return requirement.operator === 'Gt' ? left > right : left < right;
    }
    default:
      return false;
  }
}

function matchesTerm(node: Node, term: SelectorTerm): boolean {
  const labels = node.metadata.labels ?? {};
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  // An empty term matches nothing (NodeSelectorTerm semantics).
  if (expressions.length === 0 && fields.length === 0) return false;
  return (
    expressions.every((r) => matchesRequirement(labels[r.key], r)) &&
    fields.every((r) => matchesRequirement(r.key === 'metadata.name' ? node.metadata.name : undefined, r))
  );
}

export function matchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms as SelectorTerm[]).some((term) => matchesTerm(node, term));
}
