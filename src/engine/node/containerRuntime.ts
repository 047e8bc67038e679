/**
 * The container runtime of every node (containerd's role): pod sandboxes with their IPs and namespaces, per-node
 * image stores, containers with their root file systems, mounts and logs. The kubelet drives it; the kernel runs the
 * processes inside.
 */
import type { Kernel, ContainerContext } from '../os/kernel';
import type { ClusterNetwork, IpOwner } from '../network/clusterNetwork';
import type { ImageSpec } from '../images/types';
import {
  createEmptyTree,
  createFileSystemView,
  createRootTree,
  type FsFileNode,
  type FsNode,
  type FsTree,
  type Mount,
  type TreeRegistry,
} from '../os/fs';
import { nextUint32, type RandomState } from '../runtime/random';
import type { FileSystemView, NetworkStack } from '../os/types';
import { createCachedFileSystemView, type TreeChanges } from './cachedFileSystemView';
import { resourceProfileOf } from '../metrics/resourceProfiles';
import { treeOfFileSet, type VolumeFileSet } from './volumeFileSet';

/** Where a volume keeps its files: a directory on a node, or storage keyed by its address. */
export type VolumeFileStorage = { kind: 'node-path'; path: string } | { kind: 'network'; key: string };

export interface SandboxRecord {
  podUid: string;
  node: string;
  namespace: string;
  podName: string;
  ip: string;
  netNs: string;
  /** Set when the pod shares one PID namespace (`shareProcessNamespace: true`), whose PID 1 is /pause. */
  sharedPidNs?: string;
  hostname: string;
  ownNames: string[];
  dnsPolicy: string;
  hostNetwork: boolean;
  /** Torn down after the pod finished: no network, no pause process; its exited containers remain. */
  stopped?: true;
}

export interface LogChunk {
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** CRI LinuxContainerResources, as far as the simulation enforces them: the cgroup's memory and CPU limits. */
export interface LinuxContainerResources {
  /** `memory.max`. */
  memoryLimitBytes?: number;
  /** The CFS quota as a share of one core per period (`cpu.max`). */
  cpuLimitCores?: number;
}

export interface ContainerRecord {
  id: string;
  podUid: string;
  name: string;
  node: string;
  image: ImageSpec;
  pidNs: string;
  mounts: Mount[];
  env: Record<string, string>;
  workingDir: string;
  argv: string[];
  /** `stdin: true`: the main process's stdin stays open. */
  stdinOpen?: true;
  resources?: LinuxContainerResources;
  mainPid?: number;
  state: 'created' | 'running' | 'exited';
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  signal?: string;
  /** The OOM killer ended it: containerd reports the exit with reason `OOMKilled`. */
  oomKilled?: true;
  log: LogChunk[];
}

export interface NodeImage {
  digest: string;
  sizeBytes: number;
  names: string[];
}

export interface ContainerRuntimeState {
  sandboxes: Record<string, SandboxRecord>;
  containers: Record<string, ContainerRecord>;
  /** node → canonical image reference → image. */
  images: Record<string, Record<string, NodeImage>>;
  trees: TreeRegistry;
  /** node → last host octet handed out in its pod CIDR (host-local IPAM hands addresses out in order). */
  ipam: Record<string, number>;
  /** IP → network namespace. */
  addresses: Record<string, string>;
}

export interface NodeAddressing {
  /** e.g. `10.244.1.0/24` */
  podCidr: string;
  ip: string;
}

/** Bytes of log kept per container before the oldest lines are dropped (kubelet's containerLogMaxSize is 10Mi). */
const MAX_LOG_CHUNKS = 5000;

/** What the runtime holds for a pod: its containers, in creation order, and its volume trees. */
interface PodOwnership {
  containers: Set<string>;
  volumes: Set<string>;
}

/** A container's kernel view with the records it was built from (derived data, never in the state). */
interface CachedContext {
  record: ContainerRecord;
  sandbox: SandboxRecord;
  context: ContainerContext;
}

export class ContainerRuntime {
  private network!: ClusterNetwork;
  private kernel!: Kernel;
  /** The kernel asks for a container's view on every system call: built once per container instance. */
  private readonly contexts = new Map<string, CachedContext>();
  /**
   * Changes to `state.trees`. Every file system view handed out counts its writes here and the runtime counts the
   * trees it adds and removes, so views may remember answers until the count moves: nothing else may change trees.
   */
  private readonly treeChanges: TreeChanges = { count: 0 };
  /** pod uid → its containers (in creation order) and volume trees; derived, built from the state on first use. */
  private pods?: Map<string, PodOwnership>;

  constructor(
    readonly state: ContainerRuntimeState,
    private readonly random: RandomState,
    private readonly now: () => number,
    private readonly nodeAddressing: (node: string) => NodeAddressing | undefined,
  ) {}

  static initialState(): ContainerRuntimeState {
    return { sandboxes: {}, containers: {}, images: {}, trees: {}, ipam: {}, addresses: {} };
  }

  connect(kernel: Kernel, network: ClusterNetwork): void {
    this.kernel = kernel;
    this.network = network;
  }

  // ---- images ----

  hasImage(node: string, canonical: string): boolean {
    return canonical in (this.state.images[node] ?? {});
  }

  storeImage(node: string, image: ImageSpec): void {
    const store = (this.state.images[node] ??= {});
    store[image.reference.canonical] = {
      digest: image.digest,
      sizeBytes: image.sizeBytes,
      names: [image.reference.canonical],
    };
  }

  // ---- sandboxes ----

  createSandbox(input: {
    podUid: string;
    node: string;
    namespace: string;
    podName: string;
    hostname: string;
    subdomain?: string;
    hostNetwork: boolean;
    shareProcessNamespace: boolean;
    dnsPolicy: string;
  }): SandboxRecord {
    const addressing = this.nodeAddressing(input.node);
    const netNs = input.hostNetwork ? `node:${input.node}` : `pod:${input.podUid}`;
    const ip = input.hostNetwork ? (addressing?.ip ?? '') : this.allocateIp(input.node);
    const ownNames = [input.hostname];
    if (input.subdomain) ownNames.push(`${input.hostname}.${input.subdomain}.${input.namespace}.svc.cluster.local`);
    const sandbox: SandboxRecord = {
      podUid: input.podUid,
      node: input.node,
      namespace: input.namespace,
      podName: input.podName,
      ip,
      netNs,
      hostname: input.hostNetwork ? input.node : input.hostname,
      ownNames: input.hostNetwork ? [input.node] : ownNames,
      dnsPolicy: input.dnsPolicy,
      hostNetwork: input.hostNetwork,
    };
    if (!input.hostNetwork) this.state.addresses[ip] = netNs;
    if (input.shareProcessNamespace) {
      sandbox.sharedPidNs = `pidns:${input.podUid}`;
      this.state.sandboxes[input.podUid] = sandbox;
      this.kernel.startPause(sandbox.sharedPidNs, `pause:${input.podUid}`);
    }
    this.state.sandboxes[input.podUid] = sandbox;
    return sandbox;
  }

  sandbox(podUid: string): SandboxRecord | undefined {
    return this.state.sandboxes[podUid];
  }

  /**
   * StopPodSandbox: the pause process ends and the pod's IP is released (CNI DEL), but exited containers and their
   * logs stay until the sandbox is removed.
   */
  stopSandbox(podUid: string): void {
    const sandbox = this.state.sandboxes[podUid];
    if (!sandbox || sandbox.stopped) return;
    if (sandbox.sharedPidNs) this.kernel.killContainer(`pause:${podUid}`);
    if (!sandbox.hostNetwork) {
      if (this.state.addresses[sandbox.ip] === sandbox.netNs) delete this.state.addresses[sandbox.ip];
      this.kernel.dropNetworkNamespace(sandbox.netNs);
    }
    sandbox.stopped = true;
  }

  /** RemovePodSandbox: everything of the pod goes, containers, logs and volumes included. */
  removeSandbox(podUid: string): void {
    const sandbox = this.state.sandboxes[podUid];
    if (!sandbox) return;
    const owned = this.podIndex().get(podUid);
    for (const id of [...(owned?.containers ?? [])]) this.removeContainer(id);
    this.stopSandbox(podUid);
    for (const treeId of owned?.volumes ?? []) delete this.state.trees[treeId];
    this.treeChanges.count++;
    this.pods?.delete(podUid);
    delete this.state.sandboxes[podUid];
  }

  /** host-local IPAM: the next free address of the node's pod CIDR, starting at .2 and wrapping. */
  private allocateIp(node: string): string {
    const cidr = this.nodeAddressing(node)?.podCidr ?? '10.244.0.0/24';
    const base = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
    for (let attempt = 0; attempt < 253; attempt++) {
      const last = this.state.ipam[node] ?? 1;
      const next = last >= 254 ? 2 : last + 1;
      this.state.ipam[node] = next;
      const ip = `${base}.${next}`;
      if (!(ip in this.state.addresses)) return ip;
    }
    throw new Error(`pod CIDR ${cidr} of node ${node} is exhausted`);
  }

  /** An emptyDir (or other pod-level) volume tree, created on first use and kept for the pod's lifetime. */
  ensurePodVolume(podUid: string, volume: string): string {
    const treeId = `vol:${podUid}/${volume}`;
    this.state.trees[treeId] ??= createEmptyTree(this.now());
    this.treeChanges.count++;
    if (this.pods) ownedBy(this.pods, podUid).volumes.add(treeId);
    return treeId;
  }

  /** A pod-level volume whose files (paths relative to the volume) are written when it is set up (projected). */
  ensurePodVolumeWithFiles(podUid: string, volume: string, contents: () => VolumeFileSet): string {
    const treeId = `vol:${podUid}/${volume}`;
    this.state.trees[treeId] ??= treeOfFileSet(contents(), this.now());
    this.treeChanges.count++;
    if (this.pods) ownedBy(this.pods, podUid).volumes.add(treeId);
    return treeId;
  }

  /**
   * Rewrites a volume set up by `ensurePodVolumeWithFiles` when its contents changed, all files at once as the
   * kubelet's atomic writer swaps them; `keep` paths stay as they are. Returns whether anything changed.
   */
  refreshPodVolumeFiles(podUid: string, volume: string, contents: VolumeFileSet & { keep?: string[] }): boolean {
    const treeId = `vol:${podUid}/${volume}`;
    const current = this.state.trees[treeId];
    if (!current) return false;
    const next = treeOfFileSet(contents, this.now());
    for (const path of contents.keep ?? []) {
      const kept = current.nodes[`/${path}`];
      if (kept) next.nodes[`/${path}`] = kept;
    }
    const same = (a: FsNode | undefined, b: FsNode) =>
      a?.type === b.type && a.mode === b.mode && (a.type === 'dir' || a.content === (b as FsFileNode).content);
    const paths = Object.keys(next.nodes);
    if (
      paths.length === Object.keys(current.nodes).length &&
      paths.every((p) => same(current.nodes[p], next.nodes[p]!))
    )
      return false;
    // In place: file system views hold the tree object.
    current.nodes = next.nodes;
    this.treeChanges.count++;
    return true;
  }

  /** A node's hostPath directory if something has used it. */
  hostPathTree(node: string, path: string): FsTree | undefined {
    return this.state.trees[`host:${node}:${path}`];
  }

  /** A hostPath directory: one tree per node and path, surviving pods. */
  ensureHostPath(node: string, path: string): string {
    const treeId = `host:${node}:${path}`;
    this.state.trees[treeId] ??= createEmptyTree(this.now());
    this.treeChanges.count++;
    return treeId;
  }

  /** Storage reached over the network (an NFS export, a cloud disk): one tree per key, the same from every node. */
  ensureNetworkVolume(key: string): string {
    const treeId = `net:${key}`;
    if (!this.state.trees[treeId]) {
      this.state.trees[treeId] = createEmptyTree(this.now());
      this.treeChanges.count++;
    }
    return treeId;
  }

  /** Removes a node directory or network storage whose volume was deleted (`nodes` for a directory). */
  dropVolumeStorage(storage: VolumeFileStorage, nodes: readonly string[]): void {
    const ids =
      storage.kind === 'network' ? [`net:${storage.key}`] : nodes.map((node) => `host:${node}:${storage.path}`);
    for (const id of ids) {
      if (!(id in this.state.trees)) continue;
      delete this.state.trees[id];
      this.treeChanges.count++;
    }
  }

  /** Nodes whose directories the runtime has made (the ones a volume's storage may be on). */
  nodesWithDirectories(): string[] {
    return [
      ...new Set(Object.keys(this.state.trees).flatMap((id) => (id.startsWith('host:') ? [id.split(':')[1]!] : []))),
    ];
  }

  // ---- containers ----

  createContainer(input: {
    podUid: string;
    name: string;
    image: ImageSpec;
    argv: string[];
    env: Record<string, string>;
    workingDir: string;
    /** Volume mounts besides the root file system. */
    mounts: Mount[];
    runtimeFiles: Record<string, string>;
    stdinOpen?: boolean;
    resources?: LinuxContainerResources;
  }): ContainerRecord {
    const sandbox = this.state.sandboxes[input.podUid];
    if (!sandbox) throw new Error(`no sandbox for pod ${input.podUid}`);
    const id = this.newContainerId();
    const rootId = `root:${id}`;
    this.state.trees[rootId] = createRootTree({ ...input.image.files, ...input.runtimeFiles }, this.now());
    this.treeChanges.count++;
    const record: ContainerRecord = {
      id,
      podUid: input.podUid,
      name: input.name,
      node: sandbox.node,
      image: input.image,
      pidNs: sandbox.sharedPidNs ?? `pidns:${id}`,
      mounts: [{ path: '/', treeId: rootId, readOnly: false }, ...input.mounts],
      env: input.env,
      workingDir: input.workingDir,
      argv: input.argv,
      ...(input.stdinOpen ? { stdinOpen: true as const } : {}),
      ...(input.resources ? { resources: input.resources } : {}),
      state: 'created',
      createdAt: this.now(),
      log: [],
    };
    this.state.containers[id] = record;
    if (this.pods) ownedBy(this.pods, input.podUid).containers.add(id);
    return record;
  }

  startContainer(id: string): { ok: true } | { ok: false; error: string } {
    const record = this.state.containers[id];
    if (!record) return { ok: false, error: 'container not found' };
    record.startedAt = this.now();
    record.state = 'running';
    const started = this.kernel.startMain(id, record.argv, record.env, record.workingDir, record.stdinOpen === true);
    if (!started.ok) {
      record.state = 'exited';
      record.exitCode = 128;
      record.finishedAt = this.now();
      return started;
    }
    record.mainPid = started.pid;
    return { ok: true };
  }

  /** Marks a container exited; called by the kernel hook when its main process ends. */
  markExited(id: string, exitCode: number, signal: string | undefined): ContainerRecord | undefined {
    const record = this.state.containers[id];
    if (!record || record.state === 'exited') return undefined;
    record.state = 'exited';
    record.exitCode = exitCode;
    record.finishedAt = this.now();
    if (signal) record.signal = signal;
    delete record.mainPid;
    return record;
  }

  /** The kernel's OOM killer is ending the container (containerd's TaskOOM event). */
  markOomKilled(id: string): void {
    const record = this.state.containers[id];
    if (record && record.state === 'running') record.oomKilled = true;
  }

  container(id: string): ContainerRecord | undefined {
    return this.state.containers[id];
  }

  removeContainer(id: string): void {
    const record = this.state.containers[id];
    if (!record) return;
    this.kernel.killContainer(id);
    delete this.state.trees[`root:${id}`];
    this.treeChanges.count++;
    delete this.state.containers[id];
    this.pods?.get(record.podUid)?.containers.delete(id);
    this.contexts.delete(id);
  }

  appendLog(id: string, stream: 'stdout' | 'stderr', text: string): void {
    const record = this.state.containers[id];
    if (!record) return;
    record.log.push({ time: this.now(), stream, text });
    if (record.log.length > MAX_LOG_CHUNKS) record.log.splice(0, record.log.length - MAX_LOG_CHUNKS);
  }

  fileSystem(id: string): FileSystemView | undefined {
    const record = this.state.containers[id];
    return record ? this.fileSystemOver(record.mounts) : undefined;
  }

  /** The kernel's view of a container. */
  context(id: string): ContainerContext | undefined {
    if (id.startsWith('pause:')) return this.pauseContext(id.slice('pause:'.length));
    const record = this.state.containers[id];
    if (!record) return undefined;
    const sandbox = this.state.sandboxes[record.podUid];
    if (!sandbox) return undefined;
    let cached = this.contexts.get(id);
    if (cached?.record !== record || cached.sandbox !== sandbox) {
      cached = { record, sandbox, context: this.buildContext(record, sandbox) };
      this.contexts.set(id, cached);
    }
    cached.context.mainPid = record.mainPid;
    return cached.context;
  }

  private buildContext(record: ContainerRecord, sandbox: SandboxRecord): ContainerContext {
    const commands = new Set(record.image.commands);
    const fs = this.fileSystemOver(record.mounts);
    return {
      pidNs: record.pidNs,
      netNs: sandbox.netNs,
      hostname: sandbox.hostname,
      fs,
      net: this.networkStack(sandbox),
      // A PATH lookup finds the image's commands; an explicit path may also name an executable file of the image
      // (nginx's /docker-entrypoint.sh).
      hasCommand: (name) => commands.has(name.slice(name.lastIndexOf('/') + 1)) || isExecutableFile(fs, name),
      mainPid: record.mainPid,
      userland: record.image.userland,
      memoryLimitBytes: record.resources?.memoryLimitBytes,
      baseMemoryBytes: resourceProfileOf(record.image.reference.repository).memoryBytes,
    };
  }

  private fileSystemOver(mounts: readonly Mount[]): FileSystemView {
    return createCachedFileSystemView(createFileSystemView(this.state.trees, mounts, this.now), this.treeChanges);
  }

  networkStack(sandbox: SandboxRecord): NetworkStack {
    return this.network.stackFor({
      netNs: sandbox.netNs,
      ip: sandbox.ip,
      dnsPolicy: sandbox.dnsPolicy,
      namespace: sandbox.namespace,
      ownNames: sandbox.ownNames,
    });
  }

  private pauseContext(podUid: string): ContainerContext | undefined {
    const sandbox = this.state.sandboxes[podUid];
    if (!sandbox?.sharedPidNs) return undefined;
    return {
      pidNs: sandbox.sharedPidNs,
      netNs: sandbox.netNs,
      hostname: sandbox.hostname,
      fs: this.fileSystemOver([]),
      net: this.networkStack(sandbox),
      hasCommand: () => false,
      mainPid: 1,
    };
  }

  ownerOfIp(ip: string): IpOwner | undefined {
    const netNs = this.state.addresses[ip];
    return netNs ? { kind: 'netns', netNs } : undefined;
  }

  /** The pod index, built from the state when first needed (so also after a restore). */
  private podIndex(): Map<string, PodOwnership> {
    if (!this.pods) {
      const pods = new Map<string, PodOwnership>();
      for (const record of Object.values(this.state.containers)) ownedBy(pods, record.podUid).containers.add(record.id);
      for (const treeId of Object.keys(this.state.trees)) {
        const match = /^vol:([^/]*)\//.exec(treeId);
        if (match) ownedBy(pods, match[1]!).volumes.add(treeId);
      }
      this.pods = pods;
    }
    return this.pods;
  }

  private newContainerId(): string {
    let id = '';
    for (let i = 0; i < 8; i++) id += nextUint32(this.random).toString(16).padStart(8, '0');
    return id;
  }
}

function ownedBy(pods: Map<string, PodOwnership>, podUid: string): PodOwnership {
  let owned = pods.get(podUid);
  if (!owned) pods.set(podUid, (owned = { containers: new Set(), volumes: new Set() }));
  return owned;
}

function isExecutableFile(fs: FileSystemView, path: string): boolean {
  if (!path.includes('/')) return false;
  const stat = fs.stat(path);
  return typeof stat === 'object' && stat.type === 'file' && (stat.mode & 0o111) !== 0;
}
