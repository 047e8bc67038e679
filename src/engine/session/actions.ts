/**
 * Playground actions a script (or the page) can take on the simulated cluster itself, outside Kubernetes' API:
 * `kubeplay node add NAME [--cpu N] [--memory Q] [--control-plane]` (a node joins at once),
 * `kubeplay machine add NAME [--cpu N] [--memory Q]` (a machine `kubeadm join` can make a node), node faults
 * (`kubeplay node fail NAME`: its machine goes down; `kubeplay node recover NAME`: it boots again;
 * `kubeplay node remove NAME`: `kubeadm reset` on it, then `kubectl delete node`), memory used on a node outside
 * pods (`kubeplay node pressure NAME MEMORY`, 0 to release it),
 * `kubeplay load service/NAME RATE [-n NAMESPACE]` (requests per second sent to a Service from outside the cluster),
 * and faults in pods: `kubeplay pod kill POD` (its container's process dies) and `kubeplay probe fail|heal POD TYPE`
 * (a probe fails until healed). Without `-n`, namespaced actions use the session's current namespace.
 */
import type { Cluster } from '../cluster/cluster';
import { capacityError } from '../cluster/parseClusterShape';
import { controlPlaneNode, workerNode } from '../cluster/shape';
import { resolveResourceName } from '../api/resources';
import { readyPodEndpoints } from '../metrics/serviceLoad';
import { parseQuantity, quantityValue } from '../api/quantity/quantity';
import { formatBytes } from '../kubelet/eviction/evictionMessage';
import { MEMORY_AVAILABLE_THRESHOLD_BYTES } from '../kubelet/eviction/evictionManager';
import { NAMESPACE_FLAG, parseActionArgs } from './actionArgs';
import { POD_KILL_USAGE, runPodKill } from './podKill';
import { PROBE_USAGE, runProbeFault } from './probeFault';
import type { CommandOutput } from './session';

const USAGE =
  'usage: kubeplay node add NAME [--cpu N] [--memory QUANTITY] [--control-plane]\n' +
  '       kubeplay node fail|recover|remove NAME\n' +
  '       kubeplay node pressure NAME MEMORY\n';
const MACHINE_USAGE = 'usage: kubeplay machine add NAME [--cpu N] [--memory QUANTITY]\n';
const LOAD_USAGE = 'usage: kubeplay load service/NAME RATE [-n NAMESPACE]\n';
const SERVICES = resolveResourceName('services')!;

function fail(message: string): CommandOutput {
  return { stdout: '', stderr: message, exitCode: 1 };
}

/** Runs one action (the words after `kubeplay`); `namespace` is the session's current namespace. */
export function runAction(cluster: Cluster, args: string[], namespace = 'default'): CommandOutput {
  const [noun, verb, name, ...rest] = args;
  if (noun === 'load') return runLoad(cluster, args.slice(1), namespace);
  if (noun === 'pod') return verb === 'kill' ? runPodKill(cluster, args.slice(2), namespace) : fail(POD_KILL_USAGE);
  if (noun === 'probe') return runProbeFault(cluster, args.slice(1), namespace);
  const machine = noun === 'machine';
  if (noun !== 'node' && !machine) return fail(USAGE + MACHINE_USAGE + LOAD_USAGE + POD_KILL_USAGE + PROBE_USAGE);
  if (!machine && verb === 'pressure') return runNodePressure(cluster, args.slice(2));
  if (!machine && (verb === 'fail' || verb === 'recover' || verb === 'remove'))
    return name && rest.length === 0 ? runNodeFault(cluster, verb, name) : fail(USAGE);
  if (verb !== 'add' || !name) return fail(machine ? MACHINE_USAGE : USAGE);
  if (cluster.hasMachine(name)) return fail(`kubeplay: ${noun} "${name}" already exists\n`);
  const controlPlane = !machine && rest.includes('--control-plane');
  const shape = controlPlane ? controlPlaneNode(name) : workerNode(name);
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--control-plane' && !machine) continue;
    const value = rest[i + 1];
    if ((flag === '--cpu' || flag === '--memory') && value) {
      const problem = capacityError(flag, value);
      if (problem) return fail(`kubeplay: ${problem}\n`);
      if (flag === '--cpu') shape.cpu = value;
      else shape.memory = value;
      i++;
      continue;
    }
    return fail(`kubeplay: unknown flag ${flag}\n${machine ? MACHINE_USAGE : USAGE}`);
  }
  if (machine) {
    cluster.addMachine(shape);
    return { stdout: `machine ${name} is up; run kubeadm join on it (ssh ${name})\n`, stderr: '', exitCode: 0 };
  }
  cluster.addNode(shape);
  return { stdout: `node/${name} joined the cluster\n`, stderr: '', exitCode: 0 };
}

/** `kubeplay node fail|recover|remove NAME`: a node's machine goes down, boots again, or leaves the cluster. */
function runNodeFault(cluster: Cluster, verb: 'fail' | 'recover' | 'remove', name: string): CommandOutput {
  if (!cluster.nodes().some((node) => node.metadata.name === name)) return fail(`kubeplay: node "${name}" not found\n`);
  const ok = (text: string): CommandOutput => ({ stdout: `node/${name} ${text}\n`, stderr: '', exitCode: 0 });
  if (verb === 'remove') {
    cluster.removeNode(name);
    return ok('removed (kubeadm reset on it, then kubectl delete node)');
  }
  if (verb === 'fail')
    return cluster.failNode(name)
      ? ok('is down: its kubelet stopped and its containers are gone')
      : fail(`kubeplay: node "${name}" is already down\n`);
  return cluster.recoverNode(name)
    ? ok('is up again: its kubelet restarted')
    : fail(`kubeplay: node "${name}" is not down\n`);
}

/**
 * `kubeplay node pressure NAME MEMORY`: something outside pods (a runaway host process) uses MEMORY on the node, 0
 * to release it; below 100Mi of `memory.available` the node's kubelet starts evicting pods.
 */
function runNodePressure(cluster: Cluster, args: string[]): CommandOutput {
  const [name, memory] = args;
  if (!name || memory === undefined || args.length !== 2) return fail(USAGE);
  const node = cluster.nodes().find((n) => n.metadata.name === name);
  if (!node) return fail(`kubeplay: node "${name}" not found\n`);
  const parsed = parseQuantity(memory);
  if (!parsed.ok || parsed.value.nanos.startsWith('-'))
    return fail(`kubeplay: invalid memory "${memory}": a quantity such as 7Gi or 7500Mi, or 0 to release it\n`);
  const bytes = quantityValue(parsed.value);
  cluster.occupyNodeMemory(name, bytes);
  const ok = (text: string): CommandOutput => ({ stdout: `node/${name}: ${text}\n`, stderr: '', exitCode: 0 });
  if (bytes === 0) return ok('memory used outside pods released');
  const available = formatBytes(cluster.eviction.memoryAvailable(node));
  const threshold = formatBytes(MEMORY_AVAILABLE_THRESHOLD_BYTES);
  return ok(`${memory} used outside pods; memory.available ${available} (the kubelet evicts below ${threshold})`);
}

/** `kubeplay load service/NAME RATE [-n NAMESPACE]`: sets (or with 0 stops) the load on a Service. */
function runLoad(cluster: Cluster, args: string[], currentNamespace: string): CommandOutput {
  const parsed = parseActionArgs(args, [NAMESPACE_FLAG]);
  if (!parsed.ok) return fail(parsed.error + LOAD_USAGE);
  const { positional } = parsed;
  const namespace = parsed.values.namespace ?? currentNamespace;
  const [target, rateText] = positional;
  if (positional.length !== 2 || !target || rateText === undefined) return fail(LOAD_USAGE);
  const slash = target.indexOf('/');
  const service = target.slice(slash + 1);
  if (slash < 0 || !['service', 'services', 'svc'].includes(target.slice(0, slash)) || !service)
    return fail(`kubeplay: load goes to a Service, written service/NAME, not "${target}"\n${LOAD_USAGE}`);
  if (!/^\d+(\.\d+)?$/.test(rateText))
    return fail(`kubeplay: invalid rate "${rateText}": requests per second, a number of at least 0\n`);
  if (!cluster.api.find(SERVICES, namespace, service))
    return fail(`kubeplay: service "${service}" not found in namespace "${namespace}"\n`);
  const rate = Number(rateText);
  cluster.setLoad(namespace, service, rate);
  if (rate === 0) return { stdout: `load on service/${service} stopped\n`, stderr: '', exitCode: 0 };
  const endpoints = readyPodEndpoints(cluster.api, namespace, service).length;
  const spread = endpoints === 1 ? '1 ready endpoint' : `${endpoints} ready endpoints`;
  return {
    stdout: `load on service/${service}: ${rate} requests/s from outside the cluster, spread over ${spread}\n`,
    stderr: '',
    exitCode: 0,
  };
}
