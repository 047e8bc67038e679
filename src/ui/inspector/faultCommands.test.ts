import { describe, expect, it } from 'vitest';
import { Session } from '../../engine';
import { buildClusterView } from '../../engine/view/buildClusterView';
import { addNodeCommand, nodeFaults, podFaults } from './faultCommands';

const POD = `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: probed
spec:
  containers:
  - name: app
    image: nginx
    readinessProbe:
      httpGet:
        path: /
        port: 80
EOF`;

/** Runs one fault command the way the page does: as a session script line. */
function run(session: Session, command: string) {
  return command.startsWith('kubeplay ') ? session.action(command.split(' ').slice(1)) : session.kubectl(command);
}

describe('fault commands', () => {
  it('are commands the engine accepts, and they do what they say', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    session.kubectl('apply -f -', POD.split('\n').slice(1, -1).join('\n') + '\n');
    session.advance(20_000);
    let view = buildClusterView(session.cluster);
    const pod = view.pods.find((p) => p.name === 'probed')!;
    const faults = podFaults(pod, [{ container: 'app', type: 'readiness' }]);
    expect(faults.map((fault) => fault.command)).toEqual([
      'kubeplay pod kill probed -c app',
      'kubeplay probe fail probed readiness -c app',
      'kubeplay probe heal probed readiness -c app',
      'kubectl delete pod probed --wait=false',
    ]);
    expect(run(session, faults[1]!.command).exitCode).toBe(0);
    session.advance(40_000);
    view = buildClusterView(session.cluster);
    expect(view.pods[0]!.ready).toBe('0/1');
    expect(run(session, faults[0]!.command).exitCode).toBe(0);
    session.advance(5_000);
    expect(buildClusterView(session.cluster).pods[0]!.restarts).toBe(1);

    const worker = view.nodes.find((node) => node.name === pod.node)!;
    const [cordon, drain, fail] = nodeFaults(worker);
    expect(cordon!.command).toBe(`kubectl cordon ${worker.name}`);
    expect(run(session, cordon!.command).stdout).toBe(`node/${worker.name} cordoned\n`);
    expect(drain!.command).toBe(`kubectl drain ${worker.name} --ignore-daemonsets --delete-emptydir-data --force`);
    expect(run(session, fail!.command).stdout).toMatch(/is down/);
    session.advance(60_000);
    const down = buildClusterView(session.cluster).nodes.find((node) => node.name === worker.name)!;
    expect(nodeFaults(down).map((fault) => fault.label)).toEqual([
      'faults.uncordon',
      'faults.drain',
      'faults.recoverNode',
    ]);
    expect(addNodeCommand(view)).toBe('kubeplay node add worker4');
  });
});
