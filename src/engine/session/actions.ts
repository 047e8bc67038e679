/**
 * Playground actions a script (or the page) can take on the simulated cluster itself, outside Kubernetes' API:
 * `kubeplay node add NAME [--cpu N] [--memory Q] [--control-plane]`.
 */
import type { Cluster } from '../cluster/cluster';
import { capacityError } from '../cluster/parseClusterShape';
import { controlPlaneNode, workerNode } from '../cluster/shape';
import type { CommandOutput } from './session';

const USAGE = 'usage: kubeplay node add NAME [--cpu N] [--memory QUANTITY] [--control-plane]\n';

function fail(message: string): CommandOutput {
  return { stdout: '', stderr: message, exitCode: 1 };
}

export function runAction(cluster: Cluster, args: string[]): CommandOutput {
  const [noun, verb, name, ...rest] = args;
  if (noun !== 'node' || verb !== 'add' || !name) return fail(USAGE);
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
