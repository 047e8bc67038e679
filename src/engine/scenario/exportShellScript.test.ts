import { describe, expect, it } from 'vitest';
import { defaultShape } from '../cluster/shape';
import { exportShellScript } from './exportShellScript';
import type { Scenario, ScenarioStep } from './scenario';

function scenarioOf(steps: ScenarioStep[], extra: Partial<Scenario> = {}): Scenario {
  return { seed: 1, cluster: defaultShape(), steps, clock: 0, ...extra };
}

/** The script after its header. */
function body(steps: ScenarioStep[]): string {
  const script = exportShellScript(scenarioOf(steps));
  return script.slice(script.indexOf('\nset -u\n') + '\nset -u\n'.length);
}

describe('exportShellScript', () => {
  it('opens with a header naming the scenario and what a real cluster cannot reproduce', () => {
    const scenario = scenarioOf([], {
      title: 'Rolling update',
      seed: 42,
      cluster: defaultShape(2),
      description: { en: 'Scale a Deployment.\nThen update its image.\n', zh: '扩容' },
    });
    expect(exportShellScript(scenario)).toBe(
      [
        '#!/usr/bin/env bash',
        '# Rolling update',
        '#',
        '# Scale a Deployment.',
        '# Then update its image.',
        '#',
        "# Exported from Kube Playground: the scenario's commands, with the pauses between them, to replay against a",
        '# real cluster (kind, minikube). Point kubectl at a disposable cluster first: these commands change it.',
        "# The playground's seed (42) and cluster (master1, worker1, worker2) are not reproducible on a real cluster:",
        '# pod names, IPs, scheduling and timing will differ. What a real cluster cannot run the same way is kept as',
        "# a comment saying why; shell lines that ran on the playground's master1 used its addresses.",
        'set -u',
        '',
      ].join('\n'),
    );
  });

  it('names an untitled scenario, takes the Chinese description when there is no English one', () => {
    const script = exportShellScript(scenarioOf([], { description: { zh: '滚动更新' } }));
    expect(script.split('\n').slice(0, 5)).toEqual([
      '#!/usr/bin/env bash',
      '# Kube Playground scenario',
      '#',
      '# 滚动更新',
      '#',
    ]);
  });

  it('exports an empty scenario as the header alone', () => {
    expect(body([])).toBe('');
  });

  it('keeps kubectl commands, heredocs, files, echo and sleep exactly as written', () => {
    const steps: ScenarioStep[] = [
      { at: 0, run: 'kubectl create deployment web --image=nginx --replicas=3' },
      { at: 0, run: 'kubectl get pods \\\n  -o wide' },
      {
        at: 0,
        run: 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: solo   \n\nspec:\n  containers:\n  - name: app\n    image: nginx\nEOF',
      },
      { at: 0, run: "cat <<'END' | kubectl apply -f -\nkind: Namespace\napiVersion: v1\nmetadata:\n  name: lab\nEND" },
      { at: 0, run: 'cat > pod.yaml <<EOF\nkind: Pod\n\tname: x\nEOF\nkubectl apply -f pod.yaml' },
      { at: 0, run: 'kubectl apply -f - <<-EOF\n\tkind: Pod\n\tEOF' },
      { at: 0, run: 'echo "waiting for web" && echo done' },
      { at: 0, run: 'sleep 2m' },
      { at: 120_000, run: 'sleep 1; kubectl get pods' },
      { at: 120_000, run: 'POD=$(kubectl get pods -o name | head -1)\nkubectl describe $POD' },
      { at: 120_000, run: 'kubectl get pods | grep web' },
    ];
    expect(body(steps)).toBe(
      [
        'kubectl create deployment web --image=nginx --replicas=3',
        'kubectl get pods \\',
        '  -o wide',
        'kubectl apply -f - <<EOF',
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: solo   ',
        '',
        'spec:',
        '  containers:',
        '  - name: app',
        '    image: nginx',
        'EOF',
        "cat <<'END' | kubectl apply -f -",
        'kind: Namespace',
        'apiVersion: v1',
        'metadata:',
        '  name: lab',
        'END',
        'cat > pod.yaml <<EOF',
        'kind: Pod',
        '\tname: x',
        'EOF',
        'kubectl apply -f pod.yaml',
        'kubectl apply -f - <<-EOF',
        '\tkind: Pod',
        '\tEOF',
        'echo "waiting for web" && echo done',
        'sleep 2m',
        'sleep 1; kubectl get pods',
        'POD=$(kubectl get pods -o name | head -1)',
        'kubectl describe $POD',
        'kubectl get pods | grep web',
        '',
      ].join('\n'),
    );
  });

  it('sleeps for the virtual time between steps, rounded on the running total', () => {
    const steps: ScenarioStep[] = [
      { at: 5_000, run: 'kubectl get nodes' },
      { at: 5_000, run: 'kubectl get pods' },
      { at: 5_400, run: 'kubectl get svc' },
      { at: 5_800, run: 'kubectl get deploy' },
      { at: 6_200, run: 'kubectl get rs' },
      { at: 7_499, run: 'kubectl get ep' },
      { at: 95_000, run: 'kubectl get cm' },
    ];
    expect(body(steps)).toBe(
      [
        'sleep 5',
        'kubectl get nodes',
        'kubectl get pods',
        'kubectl get svc',
        'sleep 1',
        'kubectl get deploy',
        'kubectl get rs',
        'sleep 1',
        'kubectl get ep',
        'sleep 88',
        'kubectl get cm',
        '',
      ].join('\n'),
    );
  });

  it("does not sleep twice for the time a step's own sleep took", () => {
    const steps: ScenarioStep[] = [
      { at: 0, run: 'kubectl apply -f web.yaml\nsleep 30\nkubectl get pods' },
      { at: 30_200, run: 'sleep 10s' },
      { at: 45_000, run: 'kubectl get pods' },
    ];
    expect(body(steps)).toBe(
      [
        'kubectl apply -f web.yaml',
        'sleep 30',
        'kubectl get pods',
        'sleep 10s',
        'sleep 5',
        'kubectl get pods',
        '',
      ].join('\n'),
    );
  });

  it('keeps playground actions as comments, with the real equivalent where there is one', () => {
    const steps: ScenarioStep[] = [
      { at: 0, run: 'kubeplay node fail worker1' },
      { at: 0, run: 'kubeplay node recover worker2' },
      { at: 0, run: 'kubeplay node remove master1' },
      { at: 0, run: 'kubeplay node add worker4 --cpu 2' },
      { at: 0, run: 'kubeplay node fail worker4' },
      { at: 0, run: 'kubeplay machine add spare' },
      { at: 0, run: 'kubeplay node pressure worker3 7Gi' },
      { at: 0, run: 'kubeplay load service/web 50' },
      { at: 0, run: 'kubeplay pod kill web-1 -c app -n lab' },
      { at: 0, run: 'kubeplay probe fail web-1 liveness' },
      { at: 0, run: 'kubeplay help' },
    ];
    expect(body(steps)).toBe(
      [
        '# kubeplay node fail worker1 — simulated; on kind: docker stop <cluster>-worker',
        '# kubeplay node recover worker2 — simulated; on kind: docker start <cluster>-worker2',
        '# kubeplay node remove master1 — simulated; on kind: kubectl delete node <cluster>-control-plane && docker rm -f <cluster>-control-plane',
        '# kubeplay node add worker4 --cpu 2 — simulated; a kind cluster gets its nodes when it is created',
        "# kubeplay node fail worker4 — simulated; on kind: docker stop <worker4's container>",
        '# kubeplay machine add spare — simulated; a real machine joins with kubeadm join',
        '# kubeplay node pressure worker3 7Gi — simulated memory use outside pods; no real equivalent',
        '# kubeplay load service/web 50 — simulated traffic; a load generator against the Service does this for real',
        '# kubeplay pod kill web-1 -c app -n lab — simulated; on a real cluster: kubectl exec web-1 -c app -n lab -- kill 1',
        '# kubeplay probe fail web-1 liveness — simulated probe fault; no real equivalent',
        '# kubeplay help — simulated by the playground',
        '',
      ].join('\n'),
    );
  });

  it("keeps the playground's shell lines as comments: the control-plane host, ssh to nodes, cd", () => {
    const steps: ScenarioStep[] = [
      { at: 0, run: 'curl 10.244.1.2' },
      { at: 0, run: 'nslookup web.default.svc.cluster.local' },
      { at: 0, run: 'kubeadm token create --print-join-command' },
      { at: 0, run: 'cd /etc/kubernetes/manifests' },
      { at: 0, run: 'exit' },
      { at: 0, run: 'ssh worker1 crictl ps' },
      { at: 0, run: 'ssh root@worker2' },
      { at: 0, run: 'crictl images' },
      { at: 0, run: 'cat > /etc/kubernetes/manifests/static.yaml <<EOF\nkind: Pod\nEOF' },
      { at: 0, run: 'kubectl get nodes' },
      { at: 0, run: 'exit' },
      { at: 0, run: 'ping -c 1 10.244.2.3' },
    ];
    expect(body(steps)).toBe(
      [
        "# curl 10.244.1.2 — ran on the playground's master1",
        "# nslookup web.default.svc.cluster.local — ran on the playground's master1",
        "# kubeadm token create --print-join-command — ran on the playground's master1",
        "# cd /etc/kubernetes/manifests — ran on the playground's master1",
        "# exit — ran on the playground's master1",
        "# ssh worker1 crictl ps — ran on the playground's worker1; on kind: docker exec <cluster>-worker crictl ps",
        "# ssh root@worker2 — the playground's shell moved to worker2; on kind: docker exec -it <cluster>-worker2 bash",
        "# crictl images — ran on the playground's worker2",
        "# cat > /etc/kubernetes/manifests/static.yaml <<EOF — ran on the playground's worker2",
        '# kind: Pod',
        '# EOF',
        'kubectl get nodes',
        "# exit — left the playground's worker2",
        "# ping -c 1 10.244.2.3 — ran on the playground's master1",
        '',
      ].join('\n'),
    );
  });

  it('comments out kubectl commands that would never return in a script', () => {
    const steps: ScenarioStep[] = [
      { at: 0, run: 'kubectl get pods -w' },
      { at: 0, run: 'kubectl -n lab get pods --watch' },
      { at: 0, run: 'kubectl get deploy web --watch-only | grep web' },
      { at: 0, run: 'kubectl logs -f web-1' },
      { at: 0, run: 'kubectl port-forward svc/web 8080:80' },
      { at: 0, run: 'kubectl edit deployment web' },
      { at: 0, run: 'kubectl exec -it web-1 -- sh' },
      { at: 0, run: 'kubectl run tmp --rm -i --image=busybox -- sh' },
      { at: 0, run: 'kubectl rollout status deployment/web --watch=false' },
      { at: 0, run: 'kubectl logs web-1' },
      { at: 0, run: 'kubectl exec web-1 -- ls' },
      { at: 0, run: 'kubectl --namespace lab apply -f web.yaml' },
    ];
    expect(body(steps)).toBe(
      [
        '# kubectl get pods -w — watches until Ctrl-C; the script would stop here',
        '# kubectl -n lab get pods --watch — watches until Ctrl-C; the script would stop here',
        '# kubectl get deploy web --watch-only | grep web — watches until Ctrl-C; the script would stop here',
        '# kubectl logs -f web-1 — follows until Ctrl-C; the script would stop here',
        '# kubectl port-forward svc/web 8080:80 — runs until Ctrl-C; the script would stop here',
        '# kubectl edit deployment web — opens an editor',
        '# kubectl exec -it web-1 -- sh — interactive; it would read the rest of this script as its input',
        '# kubectl run tmp --rm -i --image=busybox -- sh — interactive; it would read the rest of this script as its input',
        'kubectl rollout status deployment/web --watch=false',
        'kubectl logs web-1',
        'kubectl exec web-1 -- ls',
        'kubectl --namespace lab apply -f web.yaml',
        '',
      ].join('\n'),
    );
  });

  it("keeps a step's comments, drops its blank lines, and comments out text the playground could not parse", () => {
    const steps: ScenarioStep[] = [
      {
        at: 0,
        run: '# first the app\n\nkubectl apply -f - <<EOF\nkind: Pod\n\nEOF\n\n# then a look\nkubeplay pod kill web-1\n\n',
      },
      { at: 1_000, run: 'cat <<EOF | kubectl apply -f -\nkind: Pod' },
    ];
    expect(body(steps)).toBe(
      [
        '# first the app',
        'kubectl apply -f - <<EOF',
        'kind: Pod',
        '',
        'EOF',
        '# then a look',
        '# kubeplay pod kill web-1 — simulated; on a real cluster: kubectl exec web-1 -- kill 1',
        'sleep 1',
        "# cat <<EOF | kubectl apply -f - — not a script the playground could run: here-document at line 1 delimited by end-of-file (wanted `EOF')",
        '# kind: Pod',
        '',
      ].join('\n'),
    );
  });
});
