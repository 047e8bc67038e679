import { describe, expect, it } from 'vitest';
import { Session } from '../session/session';
import { caCertHash } from './kubeadm';

function session(): Session {
  return Session.create({}, { kubectlStartupMs: 0 });
}

describe('kubeadm token and join (cmd/kubeadm/app/cmd/token.go, join.go)', () => {
  it('creates bootstrap tokens as kube-system Secrets and lists them with their TTL', () => {
    const s = session();
    const token = s.shell('kubeadm token create').stdout.trim();
    expect(token).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    s.shell('kubeadm token create --ttl 0 --description "for worker4"');
    s.advance(3_600_000);
    const lines = s.shell('kubeadm token list').stdout.split('\n');
    expect(lines[0]).toBe(
      'TOKEN                     TTL         EXPIRES                USAGES                   DESCRIPTION   EXTRA GROUPS',
    );
    const created = lines.find((l) => l.startsWith(token))!;
    expect(created).toBe(
      `${token}   23h         2026-01-06T09:00:00Z   authentication,signing   <none>        system:bootstrappers:kubeadm:default-node-token`,
    );
    expect(lines.some((l) => / {3}<forever> {3}<never> {16}authentication,signing {3}for worker4 {3}/.test(l))).toBe(
      true,
    );
    const id = token.slice(0, 6);
    expect(s.kubectl(`get secret -n kube-system bootstrap-token-${id} -o jsonpath={.type}`).stdout).toBe(
      'bootstrap.kubernetes.io/token',
    );
    expect(s.shell(`kubeadm token delete ${token}`).stdout).toBe(`bootstrap token "${id}" deleted\n`);
  });

  it('joins a new machine as a node with the printed join command', () => {
    const s = session();
    const join = s.shell('kubeadm token create --print-join-command').stdout.trim();
    expect(join).toMatch(
      new RegExp(
        `^kubeadm join 192\\.168\\.56\\.10:6443 --token [a-z0-9.]{23} --discovery-token-ca-cert-hash ${caCertHash()}$`,
      ),
    );
    expect(s.action(['machine', 'add', 'worker4']).stdout).toBe(
      'machine worker4 is up; run kubeadm join on it (ssh worker4)\n',
    );
    expect(s.kubectl('get node worker4').stderr).toBe('Error from server (NotFound): nodes "worker4" not found\n');
    const result = s.shell(`ssh worker4 ${join}`);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('This node has joined the cluster:\n');
    expect(s.kubectl('get node worker4').stdout).toMatch(/^worker4\s+Ready\s+<none>\s+2s\s+v1\.\d+\.\d+\n$/m);
  });

  it('refuses to join a machine that is already a node, or with an unknown token or a wrong CA hash', () => {
    const s = session();
    const join = s.shell('kubeadm token create --print-join-command').stdout.trim();
    const onNode = s.shell(`ssh worker1 ${join}`);
    expect(onNode.exitCode).toBe(1);
    expect(onNode.stderr).toContain(
      '\t[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists\n',
    );
    s.action(['machine', 'add', 'worker4']);
    const unknown = s.shell(
      `ssh worker4 kubeadm join 192.168.56.10:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash ${caCertHash()}`,
    );
    expect(unknown.stderr).toBe(
      'error execution phase preflight: couldn\'t validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"\n' +
        'To see the stack trace of this error execute with --v=5 or higher\n',
    );
    const wrongHash = s.shell(`ssh worker4 ${join.replace(/sha256:\w+/, 'sha256:00')}`);
    expect(wrongHash.stderr).toContain('none of the public keys');
    expect(s.shell('ssh worker9 true').stderr).toBe(
      'ssh: Could not resolve hostname worker9: Name or service not known\n',
    );
  });
});
