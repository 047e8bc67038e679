/**
 * Static pods: the kubelet's file config source (pkg/kubelet/config/file.go, common.go) reads the pod manifests in
 * a node's `/etc/kubernetes/manifests`, and for each one keeps a mirror pod in the API server
 * (pkg/kubelet/pod/mirror_client.go) named `<name>-<node>`, owned by the Node. Deleting the mirror pod does not
 * stop the static pod — the kubelet puts the mirror back; removing the file removes it.
 *
 * The kubelet's pod worker runs the static pod under its config hash and reports its status to whichever mirror
 * stands for it, so a deleted mirror is replaced while the containers run on.
 */
import type { ApiServer } from '../api/apiServer';
import type { Node, Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { KubeObject } from '../api/types';
import { fakeDigest } from '../images/fakeDigest';
import { parseManifests } from '../manifest';
import type { FsTree } from '../os/fs';

/** The kubelet's `staticPodPath` as kubeadm configures it. */
export const STATIC_POD_PATH = '/etc/kubernetes/manifests';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;
const CONFIG_HASH = 'kubernetes.io/config.hash';
const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
const CONFIG_SEEN = 'kubernetes.io/config.seen';
const CONFIG_SOURCE = 'kubernetes.io/config.source';

/** A static pod as the file source builds it (common.go applyDefaults), with the file it came from. */
interface StaticPod {
  file: string;
  hash: string;
  pod: Pod;
}

/** The pods a node's manifest directory describes; files that are not one valid Pod are skipped, as file.go logs. */
export function readStaticPods(tree: FsTree | undefined, node: string): StaticPod[] {
  if (!tree) return [];
  const pods: StaticPod[] = [];
  for (const [path, entry] of Object.entries(tree.nodes).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = path.slice(1);
    // file.go: hidden files are ignored, and the source does not descend into directories.
    if (entry.type !== 'file' || file.includes('/') || file.startsWith('.')) continue;
    const { documents, errors } = parseManifests(entry.content);
    const object = documents[0]?.object as Partial<Pod> | undefined;
    if (errors.length > 0 || documents.length !== 1 || object?.kind !== 'Pod' || !object.metadata?.name) continue;
    pods.push(staticPodOf(object as Pod, file, node));
  }
  return pods;
}

function staticPodOf(source: Pod, file: string, node: string): StaticPod {
  const pod = structuredClone(source);
  // common.go: the uid is a hash of the pod, the node and the file; the name gets the node's.
  const hash = fakeDigest(`${JSON.stringify(source)}\n${node}\n${file}`).slice('sha256:'.length, 'sha256:'.length + 32);
  pod.metadata.name = `${source.metadata.name}-${node.toLowerCase()}`;
  pod.metadata.namespace ||= 'default';
  pod.metadata.annotations = { ...pod.metadata.annotations, [CONFIG_HASH]: hash };
  pod.spec.nodeName = node;
  // Static pods tolerate every NoExecute taint, so node problems do not evict them.
  pod.spec.tolerations = [...(pod.spec.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }];
  return { file, hash, pod };
}

/** A pod the kubelet mirrors from a static pod (kubetypes.IsMirrorPod). */
export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata.annotations?.[CONFIG_MIRROR] !== undefined;
}

/**
 * The uid the kubelet runs a pod under: its own, or for a mirror pod the static pod's (the config hash), which
 * stays the same when the mirror is deleted and put back.
 */
export function runningUidOf(pod: Pod): string {
  return pod.metadata.annotations?.[CONFIG_MIRROR] ?? pod.metadata.uid ?? '';
}

function mirrorOf(api: ApiServer, pod: Pod): Pod | undefined {
  return api.find(PODS, pod.metadata.namespace, pod.metadata.name) as Pod | undefined;
}

/**
 * Brings a node's mirror pods in line with its manifest directory: creates missing mirrors, replaces those whose
 * file changed or that someone deleted, and deletes the mirrors of removed files. `known` (mirror key → config
 * hash) is what the kubelet last mirrored for the node; it is updated in place.
 */
export function syncStaticPods(
  api: ApiServer,
  node: string,
  pods: readonly StaticPod[],
  known: Record<string, string>,
  now: number,
): void {
  const nodeObject = api.find(NODES, undefined, node) as Node | undefined;
  if (!nodeObject) return;
  const wanted = new Set<string>();
  for (const { hash, pod } of pods) {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    wanted.add(key);
    const mirror = mirrorOf(api, pod);
    const current = mirror?.metadata.annotations?.[CONFIG_MIRROR] === hash && !mirror.metadata.deletionTimestamp;
    if (current) {
      known[key] = hash;
      continue;
    }
    if (mirror) api.delete(PODS, pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    const created = api.create(mirrorPod(pod, hash, nodeObject, now));
    if (created.ok) known[key] = hash;
  }
  for (const key of Object.keys(known)) {
    if (wanted.has(key)) continue;
    delete known[key];
    const [namespace, name] = key.split('/') as [string, string];
    const mirror = api.find(PODS, namespace, name);
    if (mirror?.metadata.annotations?.[CONFIG_MIRROR] !== undefined)
      api.delete(PODS, namespace, name, { gracePeriodSeconds: 0 });
  }
}

/** mirror_client.go CreateMirrorPod: the static pod with the mirror annotation, owned by its Node. */
function mirrorPod(pod: Pod, hash: string, node: Node, now: number): KubeObject {
  const mirror = structuredClone(pod);
  mirror.metadata.annotations = {
    ...mirror.metadata.annotations,
    [CONFIG_MIRROR]: hash,
    // time.Time in RFC 3339 with its fraction, trailing zeros trimmed as Go's RFC3339Nano does.
    [CONFIG_SEEN]: new Date(now).toISOString().replace(/\.?0+Z$/, 'Z'),
    [CONFIG_SOURCE]: 'file',
  };
  mirror.metadata.ownerReferences = [
    { apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid ?? '', controller: true },
  ];
  return { ...mirror, apiVersion: 'v1' } as unknown as KubeObject;
}
