import { describe, expect, it } from 'vitest';
import type { Node, NodeCondition } from '../../api/kinds';
import { computeZoneState, handleDisruption, zoneKeyOf, type ZoneHealth } from './zoneDisruption';

const ready = (status: string): NodeCondition => ({ type: 'Ready', status });
const statuses = (...list: string[]) => list.map(ready);

describe('zones and disruption (node_lifecycle_controller.go)', () => {
  it('computes a zone’s state from its Ready conditions', () => {
    expect(computeZoneState(statuses('True', 'True', 'Unknown'))).toBe('Normal');
    // More than 2 not Ready and at least 55 %.
    expect(computeZoneState(statuses('True', 'True', 'Unknown', 'False'))).toBe('Normal');
    expect(computeZoneState(statuses('True', 'True', 'Unknown', 'False', 'Unknown'))).toBe('PartialDisruption');
    expect(computeZoneState([ready('True'), undefined, undefined, undefined])).toBe('PartialDisruption');
    expect(computeZoneState(statuses('Unknown'))).toBe('FullDisruption');
  });

  it('keys zones by the region and zone labels', () => {
    const node = (labels: Record<string, string>) => ({ metadata: { name: 'n', labels } }) as Node;
    expect(zoneKeyOf(node({}))).toBe('');
    expect(zoneKeyOf(node({ 'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'eu-1a' }))).toBe(
      'eu:eu-1a',
    );
  });

  it('stops tainting in a small partially disrupted zone, and everywhere when every zone is fully disrupted', () => {
    const zones: Record<string, ZoneHealth> = {};
    expect(handleDisruption(zones, { '': statuses('True', 'True') })).toBeUndefined();
    expect(zones).toEqual({ '': { state: 'Normal', qps: 0.1 } });
    zones['']!.nextTaintAt = 1000;
    expect(handleDisruption(zones, { '': statuses('True', 'Unknown', 'Unknown', 'Unknown') })).toBeUndefined();
    expect(zones).toEqual({ '': { state: 'PartialDisruption', qps: 0 } });
    expect(handleDisruption(zones, { '': statuses('Unknown', 'Unknown', 'Unknown', 'Unknown') })).toBe('enter');
    expect(zones).toEqual({ '': { state: 'FullDisruption', qps: 0 } });
    expect(handleDisruption(zones, { '': statuses('Unknown', 'Unknown', 'Unknown', 'Unknown') })).toBeUndefined();
    expect(handleDisruption(zones, { '': statuses('True', 'Unknown', 'Unknown', 'Unknown') })).toBe('exit');
    expect(zones).toEqual({ '': { state: 'PartialDisruption', qps: 0 } });
  });

  it('keeps tainting in a fully disrupted zone while another zone is healthy, and forgets zones without nodes', () => {
    const zones: Record<string, ZoneHealth> = { gone: { state: 'Normal', qps: 0.1 } };
    expect(handleDisruption(zones, { a: statuses('Unknown'), b: statuses('True') })).toBeUndefined();
    expect(zones).toEqual({ a: { state: 'FullDisruption', qps: 0.1 }, b: { state: 'Normal', qps: 0.1 } });
  });
});
