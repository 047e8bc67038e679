import { describe, expect, it } from 'vitest';
import { createSeededCluster as cluster } from './testing/fixtures';

describe('kubectl describe', () => {
  it('describes a pod with probes, a restart and repeated events exactly as kubectl lays it out', () => {
    expect(cluster().run('describe pod liveness-exec').stdout).toBe(
      [
        'Name:             liveness-exec',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             worker1/192.168.49.3',
        'Start Time:       Wed, 01 Jan 2025 00:50:00 +0000',
        'Labels:           test=liveness',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.7',
        'IPs:',
        '  IP:  10.244.1.7',
        'Containers:',
        '  liveness:',
        '    Container ID:  containerd://a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
        '    Image:         busybox',
        '    Image ID:      docker.io/library/busybox@sha256:768e5c6f5cb6db0794eec98dc7a967f40631746c32232b78a3105fb946f3ab83',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Args:',
        '      /bin/sh',
        '      -c',
        '      touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:52:22 +0000',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    137',
        '      Started:      Wed, 01 Jan 2025 00:51:11 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:52:21 +0000',
        '    Ready:          False',
        '    Restart Count:  2',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:      250m',
        '      memory:   64Mi',
        '    Liveness:   exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
        '    Readiness:  http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3',
        '    Environment:',
        '      GREETING:  hello',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       False ',
        '  ContainersReady             False ',
        '  PodScheduled                True ',
        'Volumes:',
        '  kube-api-access-x7k2p:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   Burstable',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason     Age                  From               Message',
        '  ----     ------     ----                 ----               -------',
        '  Normal   Scheduled  3m                   default-scheduler  Successfully assigned default/liveness-exec to worker1',
        '  Normal   Pulled     2m58s                kubelet            spec.containers{liveness}: Successfully pulled image "busybox" in 1.2s (1.2s including waiting). Image size: 2156518 bytes.',
        "  Warning  Unhealthy  43s (x6 over 2m23s)  kubelet            spec.containers{liveness}: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
        '  Normal   Killing    43s (x2 over 2m13s)  kubelet            spec.containers{liveness}: Container liveness failed liveness probe, will be restarted',
        '  Normal   Pulling    39s (x3 over 2m59s)  kubelet            spec.containers{liveness}: Pulling image "busybox"',
        '  Normal   Created    38s (x3 over 2m58s)  kubelet            spec.containers{liveness}: Created container: liveness',
        '  Normal   Started    38s (x3 over 2m58s)  kubelet            spec.containers{liveness}: Started container liveness',
        '',
      ].join('\n'),
    );
  });

  it('describes a plain running pod', () => {
    expect(cluster().run('describe pods/web').stdout).toBe(
      [
        'Name:             web',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             worker1/192.168.49.3',
        'Start Time:       Wed, 01 Jan 2025 00:50:00 +0000',
        'Labels:           app=web',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:  10.244.1.5',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f40312233445566778899a',
        '    Image:          nginx:1.25',
        '    Image ID:       docker.io/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Wed, 01 Jan 2025 00:50:04 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type           Status',
        '  Initialized    True ',
        '  Ready          True ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });

  it('describes a node with its pods and allocated resources', () => {
    expect(cluster().run('describe node worker1').stdout).toBe(
      [
        'Name:               worker1',
        'Roles:              <none>',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=worker1',
        '                    kubernetes.io/os=linux',
        'Annotations:        node.alpha.kubernetes.io/ttl: 0',
        '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:01:00 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Lease:              Failed to get lease: leases.coordination.k8s.io "worker1" not found',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Wed, 01 Jan 2025 00:50:00 +0000   Wed, 01 Jan 2025 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  Ready            True    Wed, 01 Jan 2025 00:50:00 +0000   Wed, 01 Jan 2025 00:00:20 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  192.168.49.3',
        '  Hostname:    worker1',
        'Capacity:',
        '  cpu:                2',
        '  ephemeral-storage:  61202244Ki',
        '  memory:             4010196Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                2',
        '  ephemeral-storage:  56403987978',
        '  memory:             3907796Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 f0c8a1b2c3d4e5f60718293a4b5c6d7e',
        '  System UUID:                4c4c4544-0042-4810-8056-b7c04f4a3332',
        '  Boot ID:                    9a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9',
        '  Kernel Version:             6.8.0-1015-gcp',
        '  OS Image:                   Ubuntu 22.04.5 LTS',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.24',
        '  Kubelet Version:            v1.34.1',
        // Printed, empty, since kubelets stopped reporting it (v1.31, KEP-4004).
        '  Kube-Proxy Version:         ',
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name             CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----             ------------  ----------  ---------------  -------------  ---',
        '  default                     liveness-exec    250m (12%)    500m (25%)  64Mi (1%)        128Mi (3%)     3m',
        '  default                     web              0 (0%)        0 (0%)      0 (0%)           0 (0%)         3m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                250m (12%)  500m (25%)',
        '  memory             64Mi (1%)   128Mi (3%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });

  it('takes a name as a prefix and separates several descriptions by a blank line', () => {
    const out = cluster().run('describe po w').stdout;
    expect(out.startsWith('Name:             web\n')).toBe(true);
    const both = cluster().run('describe pods').stdout;
    expect(both.split('\n\n\nName:').length).toBe(2);
  });

  it('describes a namespace with its quotas and limit ranges', () => {
    expect(cluster().run('describe ns default').stdout).toBe(
      'Name:         default\nLabels:       <none>\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    );
  });

  it('reports missing objects and types', () => {
    const c = cluster();
    expect(c.run('describe pod nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
    expect(c.run('describe')).toEqual({
      stdout: '',
      stderr:
        'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect(c.run('describe pods -n kube-system')).toEqual({
      stdout: '',
      stderr: 'No resources found in kube-system namespace.\n',
      exitCode: 0,
    });
  });
});
