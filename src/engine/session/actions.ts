/**
 * Playground actions a script (or the page) can take on the simulated cluster itself, outside Kubernetes' API:
 * `kubeplay node add NAME [--cpu N] [--memory Q] [--control-plane]`, and
 * `kubeplay load service/NAME RATE [-n NAMESPACE]` (requests per second sent to a Service from outside the cluster).
 */
import type { Cluster } from '../cluster/cluster';
import { capacityError } from '../cluster/parseClusterShape';
import { controlPlaneNode, workerNode } from '../cluster/shape';
import { resolveResourceName } from '../api/resources';
import { readyEndpoints } from '../metrics/serviceLoad';
import type { CommandOutput } from './session';

const USAGE = 'usage: kubeplay node add NAME [--cpu N] [--memory QUANTITY] [--control-plane]\n';
const LOAD_USAGE = 'usage: kubeplay load service/NAME RATE [-n NAMESPACE]\n';
const SERVICES = resolveResourceName('services')!;

function fail(message: string): CommandOutput {
  return { stdout: '', stderr: message, exitCode: 1 };
}

export function runAction(cluster: Cluster, args: string[]): CommandOutput {
  const [noun, verb, name, ...rest] = args;
  if (noun === 'load') return runLoad(cluster, args.slice(1));
  if (noun !== 'node') return fail(USAGE + LOAD_USAGE);
  if (verb !== 'add' || !name) return fail(USAGE);
  if (cluster.nodes().some((node) => node.metadata.name === name))
    return fail(`kubeplay: node "${name}" already exists\n`);
  const controlPlane = rest.includes('--control-plane');
  const shape = controlPlane ? controlPlaneNode(name) : workerNode(name);
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (flag === '--control-plane') continue;
    const value = rest[i + 1];
    if ((flag === '--cpu' || flag === '--memory') && value) {
      const problem = capacityError(flag, value);
      if (problem) return fail(`kubeplay: ${problem}\n`);
      if (flag === '--cpu') shape.cpu = value;
      else shape.memory = value;
      i++;
      continue;
    }
    return fail(`kubeplay: unknown flag ${flag}\n${USAGE}`);
  }
  cluster.addNode(shape);
  return { stdout: `node/${name} joined the cluster\n`, stderr: '', exitCode: 0 };
}

/** `kubeplay load service/NAME RATE [-n NAMESPACE]`: sets (or with 0 stops) the load on a Service. */
function runLoad(cluster: Cluster, args: string[]): CommandOutput {
  let namespace = 'default';
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-n' || arg === '--namespace') {
      const value = args[++i];
      if (!value) return fail(`kubeplay: ${arg} needs a namespace\n${LOAD_USAGE}`);
      namespace = value;
    } else if (arg.startsWith('--namespace=')) namespace = arg.slice('--namespace='.length);
    else if (arg.startsWith('-n') && arg.length > 2) namespace = arg.slice(2);
    else if (arg.startsWith('-') && !/^-?\d/.test(arg)) return fail(`kubeplay: unknown flag ${arg}\n${LOAD_USAGE}`);
    else positional.push(arg);
  }
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
  const endpoints = readyEndpoints(cluster.api, namespace, service).length;
  const spread = endpoints === 1 ? '1 ready endpoint' : `${endpoints} ready endpoints`;
  return {
    stdout: `load on service/${service}: ${rate} requests/s from outside the cluster, spread over ${spread}\n`,
    stderr: '',
    exitCode: 0,
  };
}
