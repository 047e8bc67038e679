import { describe, expect, it } from 'vitest';
import { runScript } from '../script';
import { Session } from '../session/session';

const STATIC_WEB = `apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: myrole
spec:
  containers:
    - name: web
      image: nginx
      ports:
        - name: web
          containerPort: 80
          protocol: TCP
`;

function podLine(s: Session, name: string): string {
  return (
    s
      .kubectl('get pods')
      .stdout.split('\n')
      .find((l) => l.startsWith(`${name} `)) ?? ''
  );
}

describe('static pods (kubelet/config/file.go, pod/mirror_client.go)', () => {
  it('mirrors a manifest written on a node, puts a deleted mirror back, and removes it with the file', () => {
    const s = Session.create({}, { kubectlStartupMs: 0 });
    expect(s.shell('ssh worker1').exitCode).toBe(0);
    expect(s.shell('cd /etc/kubernetes/manifests').exitCode).toBe(0);
    s.writeFile('static-web.yaml', STATIC_WEB);
    s.advance(20_000);
    expect(podLine(s, 'static-web-worker1')).toMatch(/^static-web-worker1\s+1\/1\s+Running\s+0\s+20s$/);

    const mirror = s.kubectl('get pod static-web-worker1 -o yaml').stdout;
    expect(mirror).toContain('kubernetes.io/config.source: file');
    expect(mirror).toMatch(/kubernetes\.io\/config\.mirror: [0-9a-f]{32}\n/);
    expect(mirror).toContain(
      '  ownerReferences:\n  - apiVersion: v1\n    controller: true\n    kind: Node\n    name: worker1\n',
    );
    expect(mirror).toContain('  nodeName: worker1\n');

    const ipAndContainer = () =>
      s.kubectl(`get pod static-web-worker1 -o jsonpath={.status.podIP},{.status.containerStatuses[0].containerID}`)
        .stdout;
    const before = ipAndContainer();
    const oldUid = s.kubectl('get pod static-web-worker1 -o jsonpath={.metadata.uid}').stdout;
    expect(s.kubectl('delete pod static-web-worker1').stdout).toBe(
      'pod "static-web-worker1" deleted from default namespace\n',
    );
    s.advance(3_000);
    // A new mirror object for the same running pod: same IP and container, no restart.
    expect(podLine(s, 'static-web-worker1')).toMatch(/^static-web-worker1\s+1\/1\s+Running\s+0\s+3s$/);
    expect(s.kubectl('get pod static-web-worker1 -o jsonpath={.metadata.uid}').stdout).not.toBe(oldUid);
    expect(ipAndContainer()).toBe(before);
    expect(s.kubectl('exec static-web-worker1 -- cat /etc/hostname').stdout).toBe('static-web-worker1\n');

    expect(s.shell('rm -rf static-web.yaml').exitCode).toBe(0);
    s.advance(2_000);
    expect(s.kubectl('get pod static-web-worker1').stderr).toBe(
      'Error from server (NotFound): pods "static-web-worker1" not found\n',
    );
    expect(s.shell('exit').stderr).toBe('Connection to worker1 closed.\n');
    expect(s.shell('hostname').stdout).toBe('master1\n');
  });

  it('notices a file the next time it reads the directory when nothing tells it sooner', () => {
    const s = Session.create({}, { kubectlStartupMs: 0 });
    s.shell('ssh worker2 true');
    // A pod writing into the node's manifest directory through a hostPath: no session step follows.
    const manifest =
      'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: static-web\\nspec:\\n  containers:\\n  - name: web\\n    image: nginx\\n';
    s.kubectl(
      'apply -f -',
      `apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  nodeName: worker2
  containers:
  - name: sh
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 5; printf "${manifest}" > /manifests/static-web.yaml; sleep 3600']
    volumeMounts:
    - { name: manifests, mountPath: /manifests }
  volumes:
  - name: manifests
    hostPath: { path: /etc/kubernetes/manifests }
`,
    );
    s.advance(10_000);
    expect(podLine(s, 'static-web-worker2')).toBe('');
    s.advance(20_000);
    expect(podLine(s, 'static-web-worker2')).toMatch(/^static-web-worker2\s+1\/1\s+Running/);
  });

  it('runs the seed 002 session as a script', () => {
    const { transcript } = runScript(`ssh worker1
cd /etc/kubernetes/manifests
cat <<EOF >static-web.yaml
${STATIC_WEB}EOF
sleep 21
kubectl get pod static-web-worker1 -o wide
`);
    expect(transcript).toMatch(
      /static-web-worker1 {3}1\/1 {5}Running {3}0 {10}21s {3}10\.244\.1\.\d+ {3}worker1 {3}<none> {11}<none>\n$/,
    );
  });
});
