import { describe, expect, it } from 'vitest';
import { Session } from '../session/session';
import { formatEventLog } from './formatEventLog';

describe('formatEventLog', () => {
  it('lists a deployment rollout in the order it happened, in columns', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    session.kubectl('create deployment web --image=nginx');
    session.advance(10_000);
    expect(formatEventLog(session.cluster).split('\n')).toEqual([
      'TIME                   NAMESPACE   TYPE     REASON              OBJECT                      COUNT   SOURCE                                         MESSAGE',
      '2026-01-05T09:00:00Z   default     Normal   ScalingReplicaSet   deployment/web                      deployment-controller                          Scaled up replica set web-7957885594 from 0 to 1',
      '2026-01-05T09:00:00Z   default     Normal   SuccessfulCreate    replicaset/web-7957885594           replicaset-controller                          Created pod: web-7957885594-72jgn',
      '2026-01-05T09:00:00Z   default     Normal   Scheduled           pod/web-7957885594-72jgn            default-scheduler, default-scheduler-master1   Successfully assigned default/web-7957885594-72jgn to worker3',
      '2026-01-05T09:00:00Z   default     Normal   Pulling             pod/web-7957885594-72jgn            kubelet, worker3                               Pulling image "nginx"',
      '2026-01-05T09:00:01Z   default     Normal   Pulled              pod/web-7957885594-72jgn            kubelet, worker3                               Successfully pulled image "nginx" in 1.405s (1.405s including waiting). Image size: 59700000 bytes.',
      '2026-01-05T09:00:02Z   default     Normal   Created             pod/web-7957885594-72jgn            kubelet, worker3                               Created container: nginx',
      '2026-01-05T09:00:02Z   default     Normal   Started             pod/web-7957885594-72jgn            kubelet, worker3                               Started container nginx',
      '',
    ]);
  });

  it('counts repeats, keeps to one namespace when asked, and orders by the last occurrence', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    session.kubectl('create namespace lab');
    session.kubectl('run bad --image=nginx:nope -n lab');
    session.kubectl('run solo --image=nginx');
    session.advance(60_000);
    expect(formatEventLog(session.cluster, { namespace: 'lab' }).split('\n')).toEqual([
      'TIME                   NAMESPACE   TYPE      REASON      OBJECT    COUNT   SOURCE                                         MESSAGE',
      '2026-01-05T09:00:00Z   lab         Normal    Scheduled   pod/bad           default-scheduler, default-scheduler-master1   Successfully assigned lab/bad to worker3',
      '2026-01-05T09:00:31Z   lab         Normal    Pulling     pod/bad   x3      kubelet, worker3                               Pulling image "nginx:nope"',
      '2026-01-05T09:00:32Z   lab         Warning   Failed      pod/bad   x3      kubelet, worker3                               Failed to pull image "nginx:nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found',
      '2026-01-05T09:00:32Z   lab         Warning   Failed      pod/bad   x3      kubelet, worker3                               Error: ErrImagePull',
      '2026-01-05T09:00:42Z   lab         Normal    BackOff     pod/bad   x2      kubelet, worker3                               Back-off pulling image "nginx:nope"',
      '2026-01-05T09:00:42Z   lab         Warning   Failed      pod/bad   x2      kubelet, worker3                               Error: ImagePullBackOff',
      '',
    ]);
  });

  it('puts an event written by hand on one line, with its source host', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    const applied = session.kubectl(
      'apply -f -',
      `apiVersion: v1
kind: Event
metadata:
  name: note.1
  namespace: default
involvedObject:
  kind: Node
  name: worker1
type: Warning
reason: Hand
message: "first line\\n\\tsecond\\tline"
count: 4
lastTimestamp: "2026-01-05T08:59:30Z"
source:
  component: learner
  host: laptop
`,
    );
    expect(applied.stderr).toBe('');
    expect(formatEventLog(session.cluster)).toBe(
      'TIME                   NAMESPACE   TYPE      REASON   OBJECT         COUNT   SOURCE            MESSAGE\n' +
        '2026-01-05T08:59:30Z   default     Warning   Hand     node/worker1   x4      learner, laptop   first line second line\n',
    );
  });

  it('prints only the header for a cluster without events', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    expect(formatEventLog(session.cluster)).toBe(
      'TIME   NAMESPACE   TYPE   REASON   OBJECT   COUNT   SOURCE   MESSAGE\n',
    );
  });
});
