/**
 * A shell on a node itself (the learner's `[root@master1 ~]#` prompt in the seeds): host network, the node's
 * tools, and `kubectl`. It is not a pod, so it appears in no API listing.
 */
import type { ImageSpec } from '../images/types';
import { BUSYBOX_APPLETS } from '../images/catalog/commandSets';
import type { ContainerRuntime } from '../node/containerRuntime';
import { STATIC_POD_PATH } from '../kubelet/staticPods';

const HOST_TOOLS: ImageSpec = {
  reference: {
    original: 'node-host',
    registry: 'localhost',
    repository: 'node-host',
    tag: 'latest',
    canonical: 'localhost/node-host:latest',
  },
  digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
  sizeBytes: 0,
  entrypoint: ['sleep', 'infinity'],
  cmd: [],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
  workingDir: '/root',
  exposedPorts: [],
  user: 'root',
  commands: [...BUSYBOX_APPLETS, 'bash', 'curl', 'kubectl', 'kubeadm'],
  files: { '/root/': '' },
  pullSeconds: 0,
  startupSeconds: 0,
  simulated: false,
  // The learner types at a bash prompt on the node.
  userland: { kind: 'gnu', sh: 'bash' },
};

/** Returns the id of the node's host-shell container, creating it on first use. */
export function ensureHostShell(containers: ContainerRuntime, node: string): string {
  const podUid = `host-${node}`;
  const existing = Object.values(containers.state.containers).find((c) => c.podUid === podUid && c.state === 'running');
  if (existing) return existing.id;
  if (!containers.sandbox(podUid)) {
    containers.createSandbox({
      podUid,
      node,
      namespace: 'default',
      podName: node,
      hostname: node,
      hostNetwork: true,
      shareProcessNamespace: false,
      dnsPolicy: 'Default',
    });
  }
  const record = containers.createContainer({
    podUid,
    name: 'host',
    image: HOST_TOOLS,
    argv: ['sleep', 'infinity'],
    env: { ...HOST_TOOLS.env, HOSTNAME: node },
    workingDir: '/root',
    // The kubelet's static pod directory, shared with the kubelet and with pods that mount it as a hostPath.
    mounts: [{ path: STATIC_POD_PATH, treeId: containers.ensureHostPath(node, STATIC_POD_PATH), readOnly: false }],
    runtimeFiles: { '/etc/hostname': `${node}\n`, '/etc/resolv.conf': 'nameserver 192.168.56.1\n' },
  });
  containers.startContainer(record.id);
  return record.id;
}
