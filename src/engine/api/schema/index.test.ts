import { describe, expect, it } from 'vitest';
import {
  definitionFor,
  fieldTreeFor,
  goTypeName,
  kindRootFor,
  lookupField,
  schemaKinds,
  splitApiVersion,
} from './index';

describe('schema', () => {
  it('serves every kind of the simulator with its group and version', () => {
    expect(schemaKinds().map((k) => `${k.group ? `${k.group}/` : ''}${k.version}/${k.kind}`)).toEqual([
      'v1/Pod',
      'v1/Node',
      'v1/Namespace',
      'v1/Event',
      'v1/Service',
      'v1/Endpoints',
      'v1/ConfigMap',
      'v1/Secret',
      'v1/PersistentVolume',
      'v1/PersistentVolumeClaim',
      'v1/ServiceAccount',
      'v1/ResourceQuota',
      'v1/LimitRange',
      'v1/ReplicationController',
      'v1/Binding',
      'apps/v1/Deployment',
      'apps/v1/ReplicaSet',
      'apps/v1/StatefulSet',
      'apps/v1/DaemonSet',
      'apps/v1/ControllerRevision',
      'batch/v1/Job',
      'batch/v1/CronJob',
      'autoscaling/v1/HorizontalPodAutoscaler',
      'autoscaling/v2/HorizontalPodAutoscaler',
      'discovery.k8s.io/v1/EndpointSlice',
      'policy/v1/PodDisruptionBudget',
      'storage.k8s.io/v1/StorageClass',
      'coordination.k8s.io/v1/Lease',
      'events.k8s.io/v1/Event',
    ]);
    expect(kindRootFor('autoscaling/v2', 'HorizontalPodAutoscaler')?.definition).toBe(
      'autoscaling/v2.HorizontalPodAutoscaler',
    );
    expect(fieldTreeFor('extensions/v1beta1', 'Deployment')).toBeUndefined();
    expect(splitApiVersion('apps/v1')).toEqual({ group: 'apps', version: 'v1' });
  });

  it('keeps Go names, required fields and integer formats', () => {
    const podSpec = definitionFor('core/v1.PodSpec');
    expect([podSpec?.go, podSpec?.pkg]).toEqual(['PodSpec', 'v1']);
    expect(podSpec?.fields.containers?.required).toBe(true);
    expect(lookupField('v1', 'Pod', ['spec', 'terminationGracePeriodSeconds'])).toMatchObject({
      type: 'integer',
      format: 'int64',
    });
    expect(lookupField('v1', 'Pod', ['spec', 'containers', 0, 'ports', 0, 'containerPort'])).toMatchObject({
      type: 'integer',
      format: 'int32',
      required: true,
    });
    expect(lookupField('v1', 'Pod', ['spec', 'containers', 'imagePullPolicy'])?.enum).toEqual([
      'Always',
      'IfNotPresent',
      'Never',
    ]);
    expect(lookupField('v1', 'Pod', ['metadata', 'labels', 'app'])).toEqual({ type: 'string' });
    expect(lookupField('v1', 'Pod', ['spec', 'nope'])).toBeUndefined();
  });

  it('prints Go type names as encoding/json does', () => {
    const type = (path: (string | number)[]): string => goTypeName(lookupField('v1', 'Pod', path)!);
    expect(type(['metadata', 'labels'])).toBe('map[string]string');
    expect(type(['spec', 'containers'])).toBe('[]v1.Container');
    expect(type(['spec'])).toBe('v1.PodSpec');
    expect(type(['spec', 'restartPolicy'])).toBe('v1.RestartPolicy');
    expect(type(['spec', 'containers', 0, 'resources', 'limits'])).toBe('v1.ResourceList');
    expect(type(['spec', 'containers', 0, 'command'])).toBe('[]string');
  });
});
