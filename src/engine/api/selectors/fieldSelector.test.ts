import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types';
import {
  convertFieldSelector,
  eventFields,
  fieldsOf,
  genericFields,
  matchesFields,
  namespaceFields,
  nodeFields,
  parseFieldSelector,
  podFields,
} from './fieldSelector';
import type { FieldSelector } from './fieldSelector';

function parse(text: string): FieldSelector {
  const result = parseFieldSelector(text);
  if (!result.ok) throw new Error(result.error);
  return result.selector;
}

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default' },
  spec: {
    nodeName: 'node-1',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    serviceAccountName: 'default',
    containers: [],
  },
  status: { phase: 'Running', podIP: '10.244.1.5', podIPs: [{ ip: '10.244.1.5' }] },
};

describe('parseFieldSelector', () => {
  it.each([
    ['', []],
    ['status.phase=Running', [{ field: 'status.phase', operator: '=', value: 'Running' }]],
    ['status.phase==Running', [{ field: 'status.phase', operator: '==', value: 'Running' }]],
    ['status.phase!=Running', [{ field: 'status.phase', operator: '!=', value: 'Running' }]],
    [
      // Terms are sorted as Go sorts them.
      'status.phase!=Running,spec.restartPolicy=Always',
      [
        { field: 'spec.restartPolicy', operator: '=', value: 'Always' },
        { field: 'status.phase', operator: '!=', value: 'Running' },
      ],
    ],
    ['a=', [{ field: 'a', operator: '=', value: '' }]],
    [',a=b,', [{ field: 'a', operator: '=', value: 'b' }]],
    ['a=x\\,y', [{ field: 'a', operator: '=', value: 'x,y' }]],
    ['a=x\\=y\\\\', [{ field: 'a', operator: '=', value: 'x=y\\' }]],
    ['=a', [{ field: '', operator: '=', value: 'a' }]],
  ])('%j', (text, requirements) => {
    expect(parseFieldSelector(text)).toEqual({ ok: true, selector: { requirements } });
  });

  it.each([
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['a=b,foo', "invalid selector: 'a=b,foo'; can't understand 'foo'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
    ['a=b\\n', 'invalid field selector: invalid escape sequence: \\n'],
  ])('%j fails with %j', (text, error) => {
    expect(parseFieldSelector(text)).toEqual({ ok: false, error });
  });
});

describe('matchesFields', () => {
  const fields = podFields(pod);
  it.each([
    ['', true],
    ['status.phase=Running', true],
    ['status.phase==Running', true],
    ['status.phase!=Running', false],
    ['status.phase=Pending', false],
    ['spec.nodeName=node-1,metadata.namespace=default', true],
    ['spec.nodeName=node-1,metadata.namespace!=default', false],
    ['spec.hostNetwork=false', true],
    ['status.nominatedNodeName=', true],
    ['unknown.field=', true],
    ['unknown.field=x', false],
  ])('%j → %s', (text, expected) => {
    expect(matchesFields(parse(text), fields)).toBe(expected);
  });
});

describe('field sets', () => {
  it('exposes the pod registry fields', () => {
    expect(podFields(pod)).toEqual({
      'metadata.name': 'web-1',
      'metadata.namespace': 'default',
      'spec.nodeName': 'node-1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'default',
      'spec.hostNetwork': 'false',
      'status.phase': 'Running',
      'status.podIP': '10.244.1.5',
      'status.nominatedNodeName': '',
    });
  });

  it('reads spec.hostNetwork and an unscheduled pod', () => {
    const hostPod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'kube-system' },
      spec: { hostNetwork: true },
    };
    expect(podFields(hostPod)).toMatchObject({
      'spec.hostNetwork': 'true',
      'spec.nodeName': '',
      'status.phase': '',
      'status.podIP': '',
    });
  });

  it('exposes node, namespace and event fields', () => {
    const node: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1' },
      spec: { unschedulable: true },
    };
    expect(nodeFields(node)).toEqual({ 'metadata.name': 'n1', 'spec.unschedulable': 'true' });
    const ns: KubeObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev' },
      status: { phase: 'Active' },
    };
    expect(namespaceFields(ns)).toEqual({ 'metadata.name': 'dev', 'status.phase': 'Active', name: 'dev' });
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-1.17', namespace: 'default' },
      involvedObject: {
        kind: 'Pod',
        namespace: 'default',
        name: 'web-1',
        uid: 'u1',
        apiVersion: 'v1',
        resourceVersion: '42',
      },
      reason: 'Scheduled',
      type: 'Normal',
      reportingComponent: 'default-scheduler',
    };
    expect(eventFields(event)).toEqual({
      'metadata.name': 'web-1.17',
      'metadata.namespace': 'default',
      'involvedObject.kind': 'Pod',
      'involvedObject.namespace': 'default',
      'involvedObject.name': 'web-1',
      'involvedObject.uid': 'u1',
      'involvedObject.apiVersion': 'v1',
      'involvedObject.resourceVersion': '42',
      'involvedObject.fieldPath': '',
      reason: 'Scheduled',
      reportingComponent: 'default-scheduler',
      source: 'default-scheduler',
      type: 'Normal',
    });
    expect(eventFields({ ...event, source: { component: 'kubelet' } })['source']).toBe('kubelet');
  });

  it('uses generic metadata fields for other kinds', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } };
    expect(genericFields(cm)).toEqual({ 'metadata.name': 'c', 'metadata.namespace': 'default' });
    expect(fieldsOf({ group: '', kind: 'ConfigMap' }, cm)).toEqual({
      ok: true,
      fields: { 'metadata.name': 'c', 'metadata.namespace': 'default' },
    });
    expect(fieldsOf({ group: '', kind: 'Pod' }, pod).fields['status.phase']).toBe('Running');
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j', namespace: 'default' },
      status: { succeeded: 1 },
    };
    expect(fieldsOf({ group: 'batch', kind: 'Job' }, job).fields['status.successful']).toBe('1');
  });
});

describe('convertFieldSelector', () => {
  it.each([
    [{ group: '', kind: 'Pod' }, 'foo=bar', 'field label not supported: foo'],
    [{ group: '', kind: 'Node' }, 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    [
      { group: 'networking.k8s.io', kind: 'Ingress' },
      'foo.bar=baz',
      '"foo.bar" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    [
      { group: 'apps', kind: 'Deployment' },
      'status.replicas=1',
      '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    ],
    [
      { group: 'batch', kind: 'Job' },
      'status.succeeded=1',
      'field label "status.succeeded" not supported for batchv1.Job',
    ],
  ])('%j rejects %j', (resource, text, error) => {
    expect(convertFieldSelector(parse(text), resource)).toEqual({ ok: false, error });
  });

  it('accepts supported labels and maps the legacy spec.host', () => {
    expect(convertFieldSelector(parse('spec.host=node-1,status.phase=Running'), { group: '', kind: 'Pod' })).toEqual({
      ok: true,
      selector: {
        requirements: [
          { field: 'spec.nodeName', operator: '=', value: 'node-1' },
          { field: 'status.phase', operator: '=', value: 'Running' },
        ],
      },
    });
    expect(convertFieldSelector(parse('metadata.namespace!=default'), { group: 'apps', kind: 'Deployment' }).ok).toBe(
      true,
    );
    expect(convertFieldSelector(parse('involvedObject.name=web,type=Warning'), { group: '', kind: 'Event' }).ok).toBe(
      true,
    );
  });
});
