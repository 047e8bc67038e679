import { describe, expect, it } from 'vitest';
import { createSeededCluster } from '../testing/fixtures';
import { seedAllKinds, seedDeploymentScene } from '../testing/workloadFixtures';
import { smartLabelFor, splitCamelCase } from './describeGeneric';

const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');

/** Every kind of seedAllKinds and the Deployment scene. */
function cluster() {
  const c = createSeededCluster();
  seedAllKinds(c.api);
  seedDeploymentScene(c.api);
  return c;
}

describe('kubectl describe services', () => {
  it('describes Services with the endpoints of each port, Endpoints and EndpointSlices', () => {
    const c = cluster();
    expect(c.run('describe svc web').stdout).toBe(
      lines(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.12.34',
        'IPs:                      10.96.12.34',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 <unset>  30080/TCP',
        'Endpoints:                10.244.1.5:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
    expect(c.run('describe svc lb').stdout).toBe(
      lines(
        'Name:              lb',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          app=web',
        'Type:              LoadBalancer',
        'IP Families:       <none>',
        'IP:                10.96.0.50',
        'IPs:               10.96.0.50',
        'Port:              http  80/TCP',
        'TargetPort:        http/TCP',
        'NodePort:          http  31000/TCP',
        'Endpoints:         <none>',
        'Port:              https  443/TCP',
        'TargetPort:        8443/TCP',
        'NodePort:          https  31001/TCP',
        'Endpoints:         <none>',
        'Session Affinity:  None',
        'Events:            <none>',
      ),
    );
    expect(c.run('describe ep web').stdout).toBe(
      lines(
        'Name:         web',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.1.5,10.244.1.6,10.244.2.7,10.244.2.8',
        '  NotReadyAddresses:  10.244.2.9',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  80    TCP',
        '',
        'Events:  <none>',
      ),
    );
    expect(c.run('describe endpointslice web-abc12').stdout).toBe(
      lines(
        'Name:         web-abc12',
        'Namespace:    default',
        'Labels:       kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  80    TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   worker1',
        '    Zone:       <unset>',
        '  - Addresses:  10.244.2.9',
        '    Conditions:',
        '      Ready:   false',
        '    Hostname:  <unset>',
        '    NodeName:  worker1',
        '    Zone:      <unset>',
        'Events:        <none>',
      ),
    );
  });
});

describe('kubectl describe config, storage and autoscalers', () => {
  it('describes ConfigMaps, Secrets, ServiceAccounts, claims, volumes, autoscalers and other kinds', () => {
    const c = cluster();
    expect(c.run('describe cm app-config').stdout).toBe(
      lines(
        'Name:         app-config',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'game.properties:',
        '----',
        'lives=3',
        'enemies=aliens',
        '',
        'mode:',
        '----',
        'dark',
        '',
        '',
        'BinaryData',
        '====',
        'logo: 8 bytes',
        '',
        'Events:  <none>',
      ),
    );
    expect(c.run('describe secret db-pass').stdout).toBe(
      lines(
        'Name:         db-pass',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'password:  12 bytes',
        'username:  5 bytes',
      ),
    );
    expect(c.run('describe sa default').stdout).toBe(
      lines(
        'Name:                default',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  <none>',
        'Mountable secrets:   <none>',
        'Tokens:              <none>',
        'Events:              <none>',
      ),
    );
    expect(c.run('describe pvc').stdout).toBe(
      lines(
        'Name:          data',
        'Namespace:     default',
        'StorageClass:  manual',
        'Status:        Bound',
        'Volume:        pv0001',
        'Labels:        <none>',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      5Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       <none>',
        'Events:        <none>',
        '',
        '',
        'Name:          pending',
        'Namespace:     default',
        'StorageClass:  fast',
        'Status:        Pending',
        'Volume:        ',
        'Labels:        <none>',
        'Annotations:   <none>',
        'Finalizers:    []',
        'Capacity:      ',
        'Access Modes:  ',
        'VolumeMode:    Filesystem',
        'Used By:       <none>',
        'Events:        <none>',
      ),
    );
    expect(c.run('describe pv pv0001').stdout).toBe(
      lines(
        'Name:            pv0001',
        'Labels:          <none>',
        'Annotations:     <none>',
        'Finalizers:      [kubernetes.io/pv-protection]',
        'StorageClass:    manual',
        'Status:          Bound',
        'Claim:           default/data',
        'Reclaim Policy:  Retain',
        'Access Modes:    RWO',
        'VolumeMode:      Filesystem',
        'Capacity:        5Gi',
        'Node Affinity:   <none>',
        'Message:         ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /mnt/data',
        '    HostPathType:  ',
        'Events:            <none>',
      ),
    );
    expect(c.run('describe hpa web').stdout).toBe(
      lines(
        'Name:                                                  web',
        'Namespace:                                             default',
        'Labels:                                                <none>',
        'Annotations:                                           <none>',
        'CreationTimestamp:                                     Wed, 01 Jan 2025 00:50:00 +0000',
        'Reference:                                             Deployment/web',
        'Metrics:                                               ( current / target )',
        '  resource cpu on pods  (as a percentage of request):  22% (110m) / 50%',
        'Min replicas:                                          1',
        'Max replicas:                                          10',
        'Deployment pods:                                       3 current / 3 desired',
        'Conditions:',
        '  Type         Status  Reason            Message',
        '  ----         ------  ------            -------',
        '  AbleToScale  True    ReadyForNewScale  recommended size matches current size',
        'Events:        <none>',
      ),
    );
    expect(c.run('describe controllerrevision fluentd-6d4cf56db6').stdout).toBe(
      lines(
        'Name:         fluentd-6d4cf56db6',
        'Namespace:    default',
        'Labels:       app=fluentd',
        '              controller-revision-hash=6d4cf56db6',
        'Annotations:  <none>',
        'API Version:  apps/v1',
        'Data:',
        '  Spec:',
        '    Template:',
        '      $patch:  replace',
        '      Metadata:',
        '        Labels:',
        '          App:  fluentd',
        '      Spec:',
        '        Containers:',
        '          Image:  fluentd:v1.16',
        '          Name:   fluentd',
        'Kind:             ControllerRevision',
        'Metadata:',
        '  Creation Timestamp:  2025-01-01T00:50:00Z',
        '  Owner References:',
        '    API Version:     apps/v1',
        '    Controller:      true',
        '    Kind:            DaemonSet',
        '    Name:            fluentd',
        '    UID:             ds-fluentd',
        '  Resource Version:  115',
        '  UID:               cr-fluentd-6d4cf56db6',
        'Revision:            1',
        'Events:              <none>',
      ),
    );
    expect(c.run('describe deploy web --show-events=false').stdout).toBe(
      lines(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Wed, 01 Jan 2025 00:50:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               3 desired | 3 updated | 3 total | 2 available | 1 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.25',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-7c79c4bf97 (0/0 replicas created)',
        'NewReplicaSet:   web-5d8f7c9b4f (3/3 replicas created)',
      ),
    );
  });
});

describe('smart labels of the generic describer', () => {
  it('splits camel case, upper-cases acronyms and keeps names with other characters', () => {
    expect(splitCamelCase('HTTPServer')).toEqual(['HTTP', 'Server']);
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('blockOwnerDeletion')).toBe('Block Owner Deletion');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('deployment.kubernetes.io/revision')).toBe('deployment.kubernetes.io/revision');
  });
});
