/**
 * Checks a cluster shape given by a user (the CLI's `--shape` file, a share link, `kubeplay node add`) before a
 * cluster is built from it: node names are DNS subdomains, unique, and capacities are Kubernetes quantities.
 */
import { parseQuantity } from '../api/quantity/quantity';
import { CONTROL_PLANE_TAINT, LOCALLY_BUILT_IMAGES, type ClusterShape, type NodeShape } from './shape';

export type ShapeResult = { ok: true; shape: ClusterShape } | { ok: false; error: string };

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** Why `text` is not a usable capacity, or undefined when it is (`4`, `500m`, `8Gi`). */
export function capacityError(field: string, text: unknown): string | undefined {
  const written = typeof text === 'number' ? String(text) : text;
  if (typeof written !== 'string') return `${field} must be a quantity such as "4" or "8Gi"`;
  const parsed = parseQuantity(written);
  if (!parsed.ok) return `${field}: ${parsed.error}`;
  return parsed.value.nanos.startsWith('-') ? `${field} must not be negative` : undefined;
}

function parseNode(value: unknown, index: number): { ok: true; node: NodeShape } | { ok: false; error: string } {
  const where = `nodes[${index}]`;
  if (!isRecord(value)) return { ok: false, error: `${where} must be an object` };
  const { name, role = 'worker', cpu = '4', memory = '8Gi', pods = 110, labels, taints, images } = value;
  if (typeof name !== 'string' || !DNS_SUBDOMAIN.test(name) || name.length > 253)
    return { ok: false, error: `${where}.name must be a lowercase DNS name such as "worker4"` };
  if (role !== 'worker' && role !== 'control-plane')
    return { ok: false, error: `${where}.role must be "worker" or "control-plane"` };
  const problem = capacityError(`${where}.cpu`, cpu) ?? capacityError(`${where}.memory`, memory);
  if (problem) return { ok: false, error: problem };
  if (typeof pods !== 'number' || !Number.isInteger(pods) || pods < 1)
    return { ok: false, error: `${where}.pods must be a positive integer` };
  if (labels !== undefined && !isStringMap(labels))
    return { ok: false, error: `${where}.labels must map names to strings` };
  if (images !== undefined && !(Array.isArray(images) && images.every((i) => typeof i === 'string')))
    return { ok: false, error: `${where}.images must be a list of image references` };
  const taintList = taints ?? (role === 'control-plane' ? [CONTROL_PLANE_TAINT] : []);
  if (
    !Array.isArray(taintList) ||
    !taintList.every((t) => isRecord(t) && typeof t.key === 'string' && TAINT_EFFECTS.includes(t.effect as string))
  )
    return {
      ok: false,
      error: `${where}.taints must be a list of { key, value?, effect: NoSchedule|PreferNoSchedule|NoExecute }`,
    };
  return {
    ok: true,
    node: {
      name,
      role,
      cpu: String(cpu),
      memory: String(memory),
      pods,
      ...(labels ? { labels } : {}),
      taints: taintList as NodeShape['taints'],
      images: (images as string[] | undefined) ?? (role === 'worker' ? [...LOCALLY_BUILT_IMAGES] : []),
    },
  };
}

/** Validates a shape written by hand (`{ nodes: [{ name, role, cpu, memory, pods, labels, taints, images }] }`). */
export function parseClusterShape(value: unknown): ShapeResult {
  if (!isRecord(value) || !Array.isArray(value.nodes) || value.nodes.length === 0)
    return { ok: false, error: 'a cluster shape needs `nodes:`, a non-empty list' };
  const nodes: NodeShape[] = [];
  for (const [index, entry] of value.nodes.entries()) {
    const parsed = parseNode(entry, index);
    if (!parsed.ok) return parsed;
    if (nodes.some((node) => node.name === parsed.node.name))
      return { ok: false, error: `nodes[${index}].name "${parsed.node.name}" is used twice` };
    nodes.push(parsed.node);
  }
  return { ok: true, shape: { nodes } };
}
