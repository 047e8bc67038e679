import { describe, expect, it } from 'vitest';
import { cloneJson } from './cloneJson';

describe('cloneJson', () => {
  it('copies nested objects and arrays, keeping key order and undefined members', () => {
    const original = { b: 1, a: [{ x: null, y: undefined }, 'text', true], c: { d: { e: -0 } } };
    const copy = cloneJson(original);
    expect(copy).toStrictEqual(original);
    expect(Object.keys(copy)).toEqual(['b', 'a', 'c']);
    expect(Object.keys(copy.a[0] as object)).toEqual(['x', 'y']);
    expect(Object.is(copy.c.d.e, -0)).toBe(true);
  });

  it('shares nothing with the original', () => {
    const original = { list: [{ n: 1 }], nested: { deep: { n: 2 } } };
    const copy = cloneJson(original);
    copy.list[0]!.n = 10;
    copy.nested.deep.n = 20;
    copy.list.push({ n: 3 });
    expect(original).toEqual({ list: [{ n: 1 }], nested: { deep: { n: 2 } } });
  });

  it('returns primitives as they are', () => {
    expect(cloneJson('s')).toBe('s');
    expect(cloneJson(3)).toBe(3);
    expect(cloneJson(null)).toBe(null);
    expect(cloneJson(undefined)).toBe(undefined);
  });

  it('copies the same as structuredClone for an API object', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web', labels: { app: 'web' }, ownerReferences: [{ uid: 'u', controller: true }] },
      status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] },
    };
    expect(cloneJson(pod)).toStrictEqual(structuredClone(pod));
  });
});
