import { describe, expect, it } from 'vitest';
import { Session } from './session';

const PROBED = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    livenessProbe:
      httpGet:
        port: 80
      periodSeconds: 5
    readinessProbe:
      httpGet:
        port: 80
      periodSeconds: 5
`;

const PROBE_USAGE = 'usage: kubeplay probe fail|heal POD liveness|readiness|startup [-c CONTAINER] [-n NAMESPACE]\n';

function probedPod(): Session {
  const s = Session.create();
  s.kubectl('apply -f -', PROBED);
  s.kubectl('expose pod web --port=80');
  s.advance(10_000);
  return s;
}

const podLine = (s: Session) => s.kubectl('get pod web').stdout.split('\n')[1];
const events = (s: Session) => s.kubectl('describe pod web').stdout.split('Events:\n')[1];

describe('kubeplay pod kill', () => {
  it("kills the container's process: the kubelet notices the exit 137 and restarts it", () => {
    const s = Session.create();
    s.kubectl('run web --image=nginx:1.25');
    s.advance(10_000);
    expect(s.action(['pod', 'kill', 'web'])).toEqual({
      stdout: 'pod/web: container web killed (SIGKILL)\n',
      stderr: '',
      exitCode: 0,
    });
    s.advance(5_000);
    expect(podLine(s)).toBe('web    1/1     Running   1 (5s ago)   15s');
    expect(s.kubectl('describe pod web').stdout).toContain(
      '    Last State:     Terminated\n' +
        '      Reason:       Error\n' +
        '      Exit Code:    137\n' +
        '      Started:      Mon, 05 Jan 2026 09:00:02 +0000\n' +
        '      Finished:     Mon, 05 Jan 2026 09:00:10 +0000\n',
    );
    // No Killing event: the kubelet did not stop it, it only saw it die and started it again.
    expect(events(s)).toBe(
      '  Type    Reason     Age               From               Message\n' +
        '  ----    ------     ----              ----               -------\n' +
        '  Normal  Scheduled  15s               default-scheduler  Successfully assigned default/web to worker2\n' +
        '  Normal  Pulling    15s               kubelet            spec.containers{web}: Pulling image "nginx:1.25"\n' +
        '  Normal  Pulled     13s               kubelet            spec.containers{web}: Successfully pulled image "nginx:1.25" in 1.7s (1.7s including waiting). Image size: 70500000 bytes.\n' +
        '  Normal  Created    4s (x2 over 13s)  kubelet            spec.containers{web}: Created container: web\n' +
        '  Normal  Started    4s (x2 over 13s)  kubelet            spec.containers{web}: Started container web\n' +
        '  Normal  Pulled     4s                kubelet            spec.containers{web}: Container image "nginx:1.25" already present on machine\n',
    );
  });

  it('says what is wrong with its target', () => {
    const s = Session.create();
    s.kubectl('run web --image=nginx:1.25');
    s.kubectl('run done --image=busybox:1.36 --restart=Never -- true');
    s.advance(10_000);
    const stderr = (...args: string[]) => s.action(['pod', ...args]).stderr;
    const usage = 'usage: kubeplay pod kill POD [-c CONTAINER] [-n NAMESPACE]\n';
    expect(stderr('kill')).toBe(usage);
    expect(stderr('stop', 'web')).toBe(usage);
    expect(stderr('kill', 'web', '--signal=TERM')).toBe(`kubeplay: unknown flag --signal=TERM\n${usage}`);
    expect(stderr('kill', 'nope')).toBe('kubeplay: pod "nope" not found in namespace "default"\n');
    expect(stderr('kill', 'web', '-n', 'kube-system')).toBe(
      'kubeplay: pod "web" not found in namespace "kube-system"\n',
    );
    expect(stderr('kill', 'web', '-c', 'sidecar')).toBe('kubeplay: container "sidecar" not found in pod "web"\n');
    expect(stderr('kill', 'done')).toBe('kubeplay: container "done" of pod "done" is not running\n');
  });
});

describe('kubeplay probe fail|heal', () => {
  it('a failing readiness probe takes the pod out of its endpoints until healed', () => {
    const s = probedPod();
    expect(s.kubectl('get endpoints web').stdout).toBe('NAME   ENDPOINTS       AGE\nweb    10.244.2.2:80   10s\n');
    expect(s.action(['probe', 'fail', 'web', 'readiness']).stdout).toBe(
      'pod/web: readiness probe of container nginx now fails (until kubeplay probe heal)\n',
    );
    s.advance(20_000);
    expect(podLine(s)).toBe('web    0/1     Running   0          30s');
    expect(s.kubectl('get endpoints web').stdout).toBe('NAME   ENDPOINTS   AGE\nweb                30s\n');
    expect(events(s)).toContain(
      '  Warning  Unhealthy  0s (x4 over 15s)  kubelet            spec.containers{nginx}: Readiness probe failed: probe failure injected by kubeplay\n',
    );
    expect(s.action(['probe', 'heal', 'web', 'readiness']).stdout).toBe(
      'pod/web: readiness probe of container nginx healed: it probes the container again\n',
    );
    s.advance(10_000);
    expect(podLine(s)).toBe('web    1/1     Running   0          40s');
    expect(s.kubectl('get endpoints web').stdout).toBe('NAME   ENDPOINTS       AGE\nweb    10.244.2.2:80   40s\n');
  });

  it('a failing liveness probe restarts the container into CrashLoopBackOff; healed, it stays up', () => {
    const s = probedPod();
    s.action(['probe', 'fail', 'web', 'liveness']);
    const every = (seconds: number, times: number) =>
      Array.from({ length: times }, () => {
        s.advance(seconds * 1000);
        return podLine(s);
      });
    // Three failures 5 s apart kill it; each restart waits out a longer back-off (10 s, 20 s, 40 s...).
    expect(every(15, 10)).toEqual([
      'web    1/1     Running   0          25s',
      'web    1/1     Running   1 (15s ago)   40s',
      'web    1/1     Running   2 (15s ago)   55s',
      'web    0/1     CrashLoopBackOff   2 (5s ago)   70s',
      'web    0/1     Running   3 (20s ago)   85s',
      'web    1/1     Running   3 (35s ago)   100s',
      'web    0/1     CrashLoopBackOff   3 (15s ago)   115s',
      'web    0/1     CrashLoopBackOff   3 (31s ago)   2m11s',
      'web    1/1     Running   4 (46s ago)   2m26s',
      'web    0/1     CrashLoopBackOff   4 (6s ago)   2m41s',
    ]);
    expect(events(s)).toContain(
      'kubelet            spec.containers{nginx}: Liveness probe failed: probe failure injected by kubeplay\n',
    );
    expect(events(s)).toContain('Container nginx failed liveness probe, will be restarted\n');
    expect(s.action(['probe', 'heal', 'web', 'liveness']).stdout).toBe(
      'pod/web: liveness probe of container nginx healed: it probes the container again\n',
    );
    // The back-off under way runs out, the container starts once more and stays.
    expect(every(60, 6)).toEqual([
      'web    0/1     CrashLoopBackOff   4 (66s ago)   3m41s',
      'web    1/1     Running   5 (2m6s ago)   4m41s',
      'web    1/1     Running   5 (3m6s ago)   5m41s',
      'web    1/1     Running   5 (4m6s ago)   6m41s',
      'web    1/1     Running   5 (5m6s ago)   7m41s',
      'web    1/1     Running   5 (6m7s ago)   8m42s',
    ]);
  });

  it('a restored snapshot keeps the fault and goes on exactly as the original', () => {
    const s = probedPod();
    s.action(['probe', 'fail', 'web', 'liveness']);
    s.advance(12_000);
    const uid = s.kubectl('get pod web -o jsonpath={.metadata.uid}').stdout;
    expect(s.cluster.state.kubelet.probeFailures).toEqual({ [uid]: { nginx: ['liveness'] } });
    const restored = Session.restore(s.cluster.snapshot());
    for (let i = 0; i < 20; i++) {
      s.advance(3_000);
      restored.advance(3_000);
      expect(restored.cluster.snapshot()).toEqual(s.cluster.snapshot());
    }
    expect(podLine(restored)).toBe(podLine(s));
    expect(restored.action(['probe', 'heal', 'web', 'liveness']).exitCode).toBe(0);
    expect(restored.cluster.state.kubelet.probeFailures).toEqual({});
  });

  it('says what is wrong with its target', () => {
    const s = probedPod();
    s.kubectl('run plain --image=nginx:1.25');
    const stderr = (...args: string[]) => s.action(['probe', ...args]).stderr;
    expect(stderr('break', 'web', 'liveness')).toBe(PROBE_USAGE);
    expect(stderr('fail', 'web')).toBe(PROBE_USAGE);
    expect(stderr('fail', 'web', 'alive')).toBe(
      `kubeplay: unknown probe "alive": liveness, readiness or startup\n${PROBE_USAGE}`,
    );
    expect(stderr('fail', 'web', 'startup')).toBe('kubeplay: container "nginx" of pod "web" has no startup probe\n');
    expect(stderr('fail', 'plain', 'liveness', '-c', 'plain')).toBe(
      'kubeplay: container "plain" of pod "plain" has no liveness probe\n',
    );
    expect(stderr('fail', 'web', 'liveness', '-n')).toBe(`kubeplay: -n needs a namespace\n${PROBE_USAGE}`);
    expect(stderr('heal', 'web', 'liveness')).toBe(
      'kubeplay: the liveness probe of container "nginx" of pod "web" is not failing\n',
    );
    s.action(['probe', 'fail', 'web', 'liveness']);
    expect(stderr('fail', 'web', 'liveness')).toBe(
      'kubeplay: the liveness probe of container "nginx" of pod "web" already fails\n',
    );
  });

  it("takes the session's current namespace", () => {
    const s = Session.create();
    s.kubectl('create namespace prod');
    s.kubectl('config set-context --current --namespace=prod');
    s.kubectl('apply -f -', PROBED);
    s.advance(10_000);
    expect(s.action(['probe', 'fail', 'web', 'readiness']).exitCode).toBe(0);
    expect(s.action(['pod', 'kill', 'web', '--namespace=prod']).stdout).toBe(
      'pod/web: container nginx killed (SIGKILL)\n',
    );
  });
});
