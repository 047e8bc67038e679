import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import type { Pod } from '../api/kinds';
import {
  containerStatus,
  eventLines,
  podColumn,
  podEvents,
  podManifest,
  recordChanges,
  stateOf,
  timeWhen,
} from './kubeletTestKit';

/** A pod with one container on a given node. */
function imagePod(name: string, image: string, node = 'worker1', policy?: string): string {
  return podManifest(
    name,
    `  nodeName: ${node}
  containers:
  - name: app
    image: ${image}${policy ? `\n    imagePullPolicy: ${policy}` : ''}
    command: ['sleep', '3600']
`,
  );
}

function runningSoon(t: TestCluster, pod: string): void {
  timeWhen(t, () => stateOf(containerStatus(t, pod, 'app')) === 'Running', 60);
}

const PULLED =
  /^Pulled: Successfully pulled image "(.+)" in (\S+) \((\S+) including waiting\)\. Image size: (\d+) bytes\.$/;

/** Milliseconds of a Go duration as the Pulled event prints it (`597ms`, `1.065s`). */
function ms(text: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text ?? '');
  if (!match) throw new Error(`not a duration: ${text}`);
  return Math.round(Number(match[1]) * (match[2] === 's' ? 1000 : 1));
}

/** The pull time and the time including waiting of a Pulled event. */
function pullTimes(line: string | undefined): [number, number] {
  const match = PULLED.exec(line ?? '');
  if (!match) throw new Error(`not a Pulled event: ${line}`);
  return [ms(match[2]), ms(match[3])];
}

describe('image pulls', () => {
  it('pulls a missing image with Pulling and Pulled, then creates and starts the container', () => {
    const t = new TestCluster();
    t.apply(imagePod('first', 'busybox:1.36'));
    runningSoon(t, 'first');
    const lines = eventLines(t, 'first');
    expect(lines[0]).toBe('Pulling: Pulling image "busybox:1.36"');
    expect(PULLED.exec(lines[1] ?? '')?.[4]).toBe('2160000');
    const [pull, total] = pullTimes(lines[1]);
    expect(total).toBe(pull);
    // A registry round-trip of 0.4–0.9 s plus 2.16 MB at 60 MB/s.
    expect(pull).toBeGreaterThanOrEqual(436);
    expect(pull).toBeLessThanOrEqual(936);
    expect(lines.slice(2)).toEqual(['Created: Created container: app', 'Started: Started container app']);
    const status = containerStatus(t, 'first', 'app')!;
    expect(status.image).toBe('docker.io/library/busybox:1.36');
    expect(status.imageID).toMatch(/^docker\.io\/library\/busybox@sha256:[0-9a-f]{64}$/);
  });

  it('IfNotPresent (the default for a tag other than latest) uses the image already on the node', () => {
    const t = new TestCluster();
    t.apply(imagePod('first', 'busybox:1.36'));
    runningSoon(t, 'first');
    t.apply(imagePod('second', 'busybox:1.36'));
    runningSoon(t, 'second');
    expect(t.pod('second')!.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent');
    expect(eventLines(t, 'second')).toEqual([
      'Pulled: Container image "busybox:1.36" already present on machine',
      'Created: Created container: app',
      'Started: Started container app',
    ]);
  });

  it('keeps images per node: another node pulls again', () => {
    const t = new TestCluster();
    t.apply(imagePod('here', 'busybox:1.36', 'worker1'));
    runningSoon(t, 'here');
    t.apply(imagePod('there', 'busybox:1.36', 'worker2'));
    runningSoon(t, 'there');
    expect(eventLines(t, 'there')[0]).toBe('Pulling: Pulling image "busybox:1.36"');
  });

  it('Always (the default for :latest and for no tag) pulls every time, quickly when the layers are there', () => {
    const t = new TestCluster();
    t.apply(imagePod('first', 'nginx'));
    runningSoon(t, 'first');
    t.apply(imagePod('again', 'nginx'));
    t.apply(imagePod('tagged', 'nginx:latest', 'worker1'));
    runningSoon(t, 'again');
    runningSoon(t, 'tagged');
    expect(t.pod('again')!.spec.containers[0]!.imagePullPolicy).toBe('Always');
    expect(t.pod('tagged')!.spec.containers[0]!.imagePullPolicy).toBe('Always');
    for (const pod of ['again', 'tagged']) {
      const lines = eventLines(t, pod);
      expect(lines[0]).toBe(`Pulling: Pulling image "${pod === 'again' ? 'nginx' : 'nginx:latest'}"`);
      expect(lines[1]).toMatch(PULLED);
    }
    // The first pull downloads the layers; a pull of a present image is only the registry round-trip.
    const [firstMs] = pullTimes(eventLines(t, 'first')[1]);
    const [againMs] = pullTimes(eventLines(t, 'again')[1]);
    expect(firstMs).toBeGreaterThan(900);
    expect(againMs).toBeLessThanOrEqual(900);
    // IfNotPresent set explicitly uses the cached latest image.
    t.apply(imagePod('cached', 'nginx:latest', 'worker1', 'IfNotPresent'));
    runningSoon(t, 'cached');
    expect(eventLines(t, 'cached')[0]).toBe('Pulled: Container image "nginx:latest" already present on machine');
  });

  it('serializes pulls on a node: the second pull reports the time spent waiting', () => {
    const t = new TestCluster();
    t.apply(imagePod('web', 'nginx:1.25'));
    t.apply(imagePod('tool', 'busybox:1.36'));
    runningSoon(t, 'web');
    runningSoon(t, 'tool');
    // Whichever sandbox was ready first pulled first; the other waited for that whole pull before its own.
    const [first, second] = ['web', 'tool']
      .map((pod) => pullTimes(eventLines(t, pod)[1]))
      .sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
    expect(first![1]).toBe(first![0]);
    // Both were asked for within half a second of each other.
    expect(second![1] - second![0]).toBeGreaterThan(first![0] - 500);
    expect(second![1] - second![0]).toBeLessThanOrEqual(first![0]);
  });

  it('an unknown tag of a known repository: ErrImagePull, then ImagePullBackOff, retried with the back-off', () => {
    const t = new TestCluster();
    t.apply(imagePod('bad', 'nginx:no-such-tag'));
    const view = (pod: Pod | undefined) => stateOf(pod?.status?.containerStatuses?.[0]);
    const changes = recordChanges(t, view, 'bad', 400).filter((c) => c.value !== 'none');
    const pullsIn400s = podEvents(t, 'bad').find((e) => e.reason === 'Pulling')!.count;
    expect(changes.slice(0, 6).map((c) => c.value)).toEqual([
      'Waiting:ContainerCreating',
      'Waiting:ErrImagePull',
      'Waiting:ImagePullBackOff',
      'Waiting:ErrImagePull',
      'Waiting:ImagePullBackOff',
      'Waiting:ErrImagePull',
    ]);
    const error =
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:no-such-tag": ' +
      'failed to resolve reference "docker.io/library/nginx:no-such-tag": docker.io/library/nginx:no-such-tag: not found';
    timeWhen(t, () => stateOf(containerStatus(t, 'bad', 'app')) === 'Waiting:ErrImagePull', 400);
    expect(containerStatus(t, 'bad', 'app')!.state?.waiting?.message).toBe(error);
    expect(t.pod('bad')!.status!.phase).toBe('Pending');
    expect(podColumn(t, 'bad')).toBe('ErrImagePull');
    timeWhen(t, () => stateOf(containerStatus(t, 'bad', 'app')) === 'Waiting:ImagePullBackOff', 400);
    expect(containerStatus(t, 'bad', 'app')!.state?.waiting?.message).toBe(
      'Back-off pulling image "nginx:no-such-tag"',
    );
    expect(podColumn(t, 'bad')).toBe('ImagePullBackOff');

    const events = podEvents(t, 'bad');
    const reasons = (reason: string, message: string) =>
      events.filter((e) => e.reason === reason && e.message === message);
    const failures = reasons('Failed', `Failed to pull image "nginx:no-such-tag": ${error}`);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.type).toBe('Warning');
    expect(reasons('Failed', 'Error: ErrImagePull')).toHaveLength(1);
    expect(reasons('BackOff', 'Back-off pulling image "nginx:no-such-tag"')[0]!.type).toBe('Normal');
    expect(reasons('Failed', 'Error: ImagePullBackOff')[0]!.type).toBe('Warning');
    // The pod worker retries a failed sync after 10 s, when the first 10 s image back-off has just run out: the
    // second pull fails while ErrImagePull still shows. From then on each pull waits out the back-off (20, 40, 80,
    // 160 s from the last failure), and each failure shows ErrImagePull for 10 s, then ImagePullBackOff.
    const failedAt = changes.filter((c) => c.value === 'Waiting:ErrImagePull').map((c) => c.at);
    // Each gap is the back-off (plus the first 10 s resync) and the time one pull attempt takes (under 2 s).
    [30, 40, 80, 160].forEach((backOff, i) => {
      const gap = failedAt[i + 1]! - failedAt[i]! - backOff;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(2);
    });
    const backOffAt = changes.filter((c) => c.value === 'Waiting:ImagePullBackOff').map((c) => c.at);
    backOffAt.slice(0, 4).forEach((at, i) => {
      // The first ImagePullBackOff follows the second, unseen failure (10 s and one pull later).
      const wait = at - failedAt[i]! - (i === 0 ? 20 : 10);
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThan(i === 0 ? 1 : 0.2);
    });
    expect(pullsIn400s).toBe(6);
  });

  it('imagePullPolicy Never runs an image the node has, and fails with ErrImageNeverPull without it', () => {
    const t = new TestCluster();
    // Workers come with the seed's locally built app:1.0.0.
    t.apply(imagePod('local', 'app:1.0.0', 'worker1', 'Never'));
    runningSoon(t, 'local');
    expect(eventLines(t, 'local')[0]).toBe('Pulled: Container image "app:1.0.0" already present on machine');

    t.apply(imagePod('absent', 'nginx:1.25', 'worker1', 'Never'));
    t.advance(25);
    const status = containerStatus(t, 'absent', 'app')!;
    const message = 'Container image "nginx:1.25" is not present with pull policy of Never';
    expect(status.state?.waiting).toEqual({ reason: 'ErrImageNeverPull', message });
    expect(podColumn(t, 'absent')).toBe('ErrImageNeverPull');
    const events = podEvents(t, 'absent');
    const never = events.find((e) => e.reason === 'ErrImageNeverPull')!;
    expect(never).toMatchObject({ type: 'Warning', message });
    // The pod worker retries every 10 s after a failed sync.
    expect(never.count).toBe(3);
    expect(events.find((e) => e.message === 'Error: ErrImageNeverPull')).toMatchObject({ type: 'Warning', count: 3 });
    expect(events.some((e) => e.reason === 'Pulling')).toBe(false);
  });

  it('an unknown repository runs as a simulated process and says so in an event', () => {
    const t = new TestCluster();
    t.apply(imagePod('mine', 'registry.example.com/team/myapp:v1'));
    runningSoon(t, 'mine');
    const lines = eventLines(t, 'mine');
    expect(lines[0]).toBe('Pulling: Pulling image "registry.example.com/team/myapp:v1"');
    expect(lines[1]).toMatch(PULLED);
    expect(lines.slice(2)).toEqual([
      `Simulated: Image "registry.example.com/team/myapp:v1" is not in Kube Playground's catalog: it runs as a generic long-running process`,
      'Created: Created container: app',
      'Started: Started container app',
    ]);
    expect(t.pod('mine')!.status!.phase).toBe('Running');
  });

  it('an invalid image name is InvalidImageName with the kubelet’s parse error', () => {
    const t = new TestCluster();
    t.apply(imagePod('upper', 'Nginx:1.25'));
    t.advance(5);
    const message =
      'Failed to apply default image tag "Nginx:1.25": couldn\'t parse image name "Nginx:1.25": invalid reference format: repository name (library/Nginx) must be lowercase';
    expect(containerStatus(t, 'upper', 'app')!.state?.waiting).toEqual({ reason: 'InvalidImageName', message });
    expect(eventLines(t, 'upper')).toEqual([`InspectFailed: ${message}`, 'Failed: Error: InvalidImageName']);
  });
});
