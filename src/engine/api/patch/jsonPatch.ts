import { cloneJson } from '../../runtime/cloneJson';

/** JSON patch (RFC 6902), as the apiserver applies `application/json-patch+json`. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export type JsonPatchResult = { ok: true; value: unknown } | { ok: false; error: string };

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = Record<string, unknown> | unknown[];

function resolveParent(doc: unknown, tokens: string[]): Container | undefined {
  let node: unknown = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[token];
    else return undefined;
  }
  return typeof node === 'object' && node !== null ? (node as Container) : undefined;
}

function getAt(doc: unknown, tokens: string[]): { found: boolean; value?: unknown } {
  let node: unknown = doc;
  for (const token of tokens) {
    if (Array.isArray(node) && /^\d+$/.test(token) && Number(token) < node.length) node = node[Number(token)];
    else if (typeof node === 'object' && node !== null && !Array.isArray(node) && token in node)
      node = (node as Record<string, unknown>)[token];
    else return { found: false };
  }
  return { found: true, value: node };
}

/** Applies operations in order to a copy of `target`; the first failing operation aborts (atomic, as the spec says). */
export function applyJsonPatch(target: unknown, operations: unknown): JsonPatchResult {
  if (!Array.isArray(operations))
    return { ok: false, error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' };
  let doc = cloneJson(target);
  for (const raw of operations as JsonPatchOperation[]) {
    const tokens = parsePointer(raw.path);
    const last = tokens[tokens.length - 1];
    switch (raw.op) {
      case 'test': {
        const at = getAt(doc, tokens);
        if (!at.found || JSON.stringify(at.value) !== JSON.stringify(raw.value))
          return { ok: false, error: `testing value ${raw.path} failed: test failed` };
        break;
      }
      case 'remove':
      case 'replace':
      case 'add': {
        if (tokens.length === 0) {
          if (raw.op === 'remove') return { ok: false, error: 'unable to remove the root' };
          doc = cloneJson(raw.value);
          break;
        }
        const parent = resolveParent(doc, tokens);
        if (!parent || last === undefined)
          return {
            ok: false,
            error: `${raw.op} operation does not apply: doc is missing path: "${raw.path}": missing value`,
          };
        if (Array.isArray(parent)) {
          const index = last === '-' ? parent.length : Number(last);
          if (!Number.isInteger(index) || index < 0 || index > parent.length - (raw.op === 'add' ? 0 : 1))
            return { ok: false, error: `Unable to access invalid index: ${last}: invalid index referenced` };
          if (raw.op === 'add') parent.splice(index, 0, cloneJson(raw.value));
          else if (raw.op === 'replace') parent[index] = cloneJson(raw.value);
          else parent.splice(index, 1);
        } else {
          if (raw.op !== 'add' && !(last in parent))
            return {
              ok: false,
              error: `${raw.op} operation does not apply: doc is missing key: ${raw.path}: missing value`,
            };
          if (raw.op === 'remove') delete parent[last];
          else parent[last] = cloneJson(raw.value);
        }
        break;
      }
      case 'move':
      case 'copy': {
        const from = getAt(doc, parsePointer(raw.from ?? ''));
        if (!from.found)
          return {
            ok: false,
            error: `${raw.op} operation does not apply: doc is missing from path: "${raw.from}": missing value`,
          };
        const value = cloneJson(from.value);
        if (raw.op === 'move') {
          const removed = applyJsonPatch(doc, [{ op: 'remove', path: raw.from ?? '' }]);
          if (!removed.ok) return removed;
          doc = removed.value;
        }
        const added = applyJsonPatch(doc, [{ op: 'add', path: raw.path, value }]);
        if (!added.ok) return added;
        doc = added.value;
        break;
      }
      default:
        return { ok: false, error: `Unexpected kind: ${String((raw as { op?: unknown }).op)}` };
    }
  }
  return { ok: true, value: doc };
}
