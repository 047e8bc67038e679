import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session';
import { completeCommandLine } from './completeCommandLine';

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    readinessProbe:
      httpGet:
        port: 80
  - name: sidecar
    image: busybox:1.36
    command: ['sleep', '3600']
    livenessProbe:
      exec:
        command: ['true']
`;

function cluster(): Session {
  const s = Session.create({}, { kubectlStartupMs: 0 });
  s.kubectl('apply -f -', WEB);
  s.kubectl('run cache --image=redis:7');
  s.kubectl('create deployment api --image=nginx:1.25 --replicas=0');
  s.kubectl('create namespace prod');
  s.kubectl('run db --image=postgres:16 -n prod');
  s.kubectl('create service clusterip front --tcp=80:80');
  return s;
}

const s = cluster();
const complete = (line: string) => completeCommandLine(s, line);

describe('completing kubectl commands', () => {
  it('offers the verbs, with or without kubectl, and the programs as the first word', () => {
    expect(complete('kubectl ro')).toEqual({ from: 8, candidates: ['rollout'] });
    expect(complete('c')).toEqual({ from: 0, candidates: ['cluster-info', 'config', 'cordon', 'create'] });
    expect(complete('ku')).toEqual({ from: 0, candidates: ['kubectl', 'kubeplay'] });
    expect(complete('kubectl d')).toEqual({ from: 8, candidates: ['delete', 'describe', 'drain'] });
    expect(complete('kubectl frob ')).toEqual({ from: 13, candidates: [] });
  });

  it('offers subcommands', () => {
    expect(complete('kubectl rollout ')).toEqual({
      from: 16,
      candidates: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
    });
    expect(complete('kubectl create se')).toEqual({ from: 15, candidates: ['secret', 'service'] });
    expect(complete('kubectl top ')).toEqual({ from: 12, candidates: ['node', 'pod'] });
  });

  it('offers resource types by plural, singular and short name, limited to what the verb takes', () => {
    expect(complete('kubectl get dep')).toEqual({ from: 12, candidates: ['deploy', 'deployment', 'deployments'] });
    expect(complete('get st')).toEqual({
      from: 4,
      candidates: ['statefulset', 'statefulsets', 'storageclass', 'storageclasses', 'sts'],
    });
    expect(complete('kubectl rollout status ')).toEqual({
      from: 23,
      candidates: [
        'daemonset',
        'daemonsets',
        'deploy',
        'deployment',
        'deployments',
        'ds',
        'statefulset',
        'statefulsets',
        'sts',
      ],
    });
    expect(complete('kubectl expose s').candidates).toEqual(['service', 'services', 'svc']);
  });

  it('offers object names after a type, in the namespace asked for', () => {
    expect(complete('kubectl get po ')).toEqual({ from: 15, candidates: ['cache', 'web'] });
    expect(complete('kubectl describe pod web ')).toEqual({ from: 25, candidates: ['cache'] });
    expect(complete('kubectl get pods -n prod ')).toEqual({ from: 25, candidates: ['db'] });
    expect(complete('kubectl --namespace=prod get pods ').candidates).toEqual(['db']);
    expect(complete('kubectl get pods -A ')).toEqual({ from: 20, candidates: ['cache', 'db', 'web'] });
    expect(complete('kubectl get svc,deploy ')).toEqual({ from: 23, candidates: ['api', 'front', 'kubernetes'] });
    expect(complete('kubectl scale deploy ')).toEqual({ from: 21, candidates: ['api'] });
    expect(complete('kubectl scale deploy api ')).toEqual({ from: 25, candidates: [] });
    expect(complete('kubectl cordon w')).toEqual({ from: 15, candidates: ['worker1', 'worker2', 'worker3'] });
  });

  it('honours the current namespace', () => {
    const other = cluster();
    other.kubectl('config set-context --current --namespace=prod');
    expect(completeCommandLine(other, 'kubectl get pods ').candidates).toEqual(['db']);
    expect(completeCommandLine(other, 'kubectl get pods -n default ').candidates).toEqual(['cache', 'web']);
  });

  it('offers TYPE/NAME, leaving out what is already on the line', () => {
    expect(complete('kubectl get po/')).toEqual({ from: 12, candidates: ['po/cache', 'po/web'] });
    expect(complete('kubectl delete po/web po/')).toEqual({ from: 22, candidates: ['po/cache'] });
    expect(complete('kubectl get po/web s').candidates).toEqual([
      'sa/',
      'sc/',
      'secret/',
      'secrets/',
      'service/',
      'serviceaccount/',
      'serviceaccounts/',
      'services/',
      'statefulset/',
      'statefulsets/',
      'storageclass/',
      'storageclasses/',
      'sts/',
      'svc/',
    ]);
  });

  it('offers pods, and kinds that have pods, to logs and exec, then their containers to -c', () => {
    expect(complete('kubectl logs ')).toEqual({
      from: 13,
      candidates: [
        'cache',
        'daemonsets/',
        'deployments/',
        'jobs/',
        'pods/',
        'replicasets/',
        'replicationcontrollers/',
        'services/',
        'statefulsets/',
        'web',
      ],
    });
    expect(complete('kubectl logs deployments/')).toEqual({ from: 13, candidates: ['deployments/api'] });
    expect(complete('kubectl logs web -c ')).toEqual({ from: 20, candidates: ['nginx', 'sidecar'] });
    expect(complete('kubectl exec -it pod/web --container s')).toEqual({ from: 37, candidates: ['sidecar'] });
    expect(complete('kubectl exec -it web -- ')).toEqual({ from: 24, candidates: [] });
  });

  it('offers the flags of the verb and the global ones', () => {
    expect(complete('kubectl get pods --w')).toEqual({
      from: 17,
      candidates: ['--warnings-as-errors', '--watch', '--watch-only'],
    });
    expect(complete('kubectl logs -')).toEqual({
      from: 13,
      candidates: [
        '--all-containers',
        '--all-pods',
        '--cluster',
        '--container',
        '--context',
        '--follow',
        '--help',
        '--ignore-errors',
        '--insecure-skip-tls-verify',
        '--insecure-skip-tls-verify-backend',
        '--kubeconfig',
        '--limit-bytes',
        '--match-server-version',
        '--max-log-requests',
        '--namespace',
        '--pod-running-timeout',
        '--prefix',
        '--previous',
        '--request-timeout',
        '--selector',
        '--server',
        '--since',
        '--since-time',
        '--tail',
        '--timestamps',
        '--user',
        '--v',
        '--warnings-as-errors',
        '-c',
        '-f',
        '-h',
        '-l',
        '-n',
        '-p',
        '-s',
        '-v',
      ],
    });
  });

  it('offers -o formats and -n namespaces', () => {
    const formats = ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml'];
    expect(complete('kubectl get pods -o ')).toEqual({ from: 20, candidates: formats });
    expect(complete('kubectl get pods --output=j')).toEqual({ from: 26, candidates: ['json', 'jsonpath='] });
    expect(complete('kubectl get pods -o=y')).toEqual({ from: 20, candidates: ['yaml'] });
    expect(complete('kubectl create deployment x --image=nginx -o ').candidates).toEqual([
      'json',
      'jsonpath=',
      'name',
      'yaml',
    ]);
    expect(complete('kubectl get pods -n ')).toEqual({
      from: 20,
      candidates: ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'prod'],
    });
  });

  it('completes the last command of a pipeline or list', () => {
    expect(complete('kubectl get pods | kubectl get po ')).toEqual({ from: 34, candidates: ['cache', 'web'] });
    expect(complete('kubectl get pods; ge')).toEqual({ from: 18, candidates: ['get'] });
    expect(complete('kubectl get pods | grep ')).toEqual({ from: 24, candidates: [] });
  });
});

describe('completing kubeplay actions', () => {
  it('offers the actions and their verbs', () => {
    expect(complete('kubeplay ')).toEqual({ from: 9, candidates: ['load', 'machine', 'node', 'pod', 'probe'] });
    expect(complete('kubeplay node ')).toEqual({
      from: 14,
      candidates: ['add', 'fail', 'pressure', 'recover', 'remove'],
    });
    expect(complete('kubeplay probe ')).toEqual({ from: 15, candidates: ['fail', 'heal'] });
    expect(complete('kubeplay pod ')).toEqual({ from: 13, candidates: ['kill'] });
    expect(complete('kubeplay node add worker4 --c')).toEqual({ from: 26, candidates: ['--control-plane', '--cpu'] });
  });

  it('offers nodes, Services, pods, containers and the probes a container has', () => {
    expect(complete('kubeplay node fail worker')).toEqual({
      from: 19,
      candidates: ['worker1', 'worker2', 'worker3'],
    });
    expect(complete('kubeplay load ')).toEqual({ from: 14, candidates: ['service/front', 'service/kubernetes'] });
    expect(complete('kubeplay pod kill ')).toEqual({ from: 18, candidates: ['cache', 'web'] });
    expect(complete('kubeplay pod kill -n prod ')).toEqual({ from: 26, candidates: ['db'] });
    expect(complete('kubeplay pod kill web -c ')).toEqual({ from: 25, candidates: ['nginx', 'sidecar'] });
    expect(complete('kubeplay probe fail web ')).toEqual({ from: 24, candidates: ['readiness'] });
    expect(complete('kubeplay probe fail web -c sidecar ')).toEqual({ from: 35, candidates: ['liveness'] });
    expect(complete('kubeplay probe heal web readiness -')).toEqual({
      from: 34,
      candidates: ['--container', '--namespace', '-c', '-n'],
    });
  });
});
