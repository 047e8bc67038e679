import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session';

/** A session whose Deployment `web` has two running pods, web-68bf9f694d-72jgn and web-68bf9f694d-xbf2f. */
function withWeb(): Session {
  const s = Session.create();
  s.kubectl('create deployment web --image=nginx:1.25 --replicas=2');
  s.advance(10_000);
  return s;
}

describe('kubectl get -w in the terminal', () => {
  it("streams a Deployment's pods from creation to Running, each row as of its change", () => {
    const s = Session.create();
    const started = s.startWatch('kubectl get pods -w');
    // Nothing to list yet: a watch prints no "No resources found", it waits.
    expect(started).toEqual({ result: { stdout: '', stderr: '', exitCode: 0 }, watch: 1 });
    s.kubectl('create deployment web --image=nginx:1.25 --replicas=2');
    s.advance(10_000);
    // The header comes with the first row; later flushes keep the widths seen so far and widen for longer cells.
    expect(s.readWatch(started.watch!)).toBe(
      'NAME                   READY   STATUS    RESTARTS   AGE\n' +
        'web-68bf9f694d-72jgn   0/1     Pending   0          0s\n' +
        'web-68bf9f694d-xbf2f   0/1     Pending   0          0s\n' +
        'web-68bf9f694d-72jgn   0/1     Pending   0          0s\n' +
        'web-68bf9f694d-xbf2f   0/1     Pending   0          0s\n' +
        'web-68bf9f694d-72jgn   0/1     ContainerCreating   0          0s\n' +
        'web-68bf9f694d-xbf2f   0/1     ContainerCreating   0          0s\n' +
        'web-68bf9f694d-xbf2f   0/1     ContainerCreating   0          0s\n' +
        'web-68bf9f694d-72jgn   0/1     ContainerCreating   0          0s\n' +
        'web-68bf9f694d-xbf2f   0/1     ContainerCreating   0          2s\n' +
        'web-68bf9f694d-72jgn   0/1     ContainerCreating   0          2s\n' +
        'web-68bf9f694d-xbf2f   1/1     Running             0          2s\n' +
        'web-68bf9f694d-72jgn   1/1     Running             0          2s\n',
    );
    expect(s.readWatch(started.watch!)).toBe('');
  });

  it('prints the list first, then only later changes, without another header', () => {
    const s = withWeb();
    const started = s.startWatch('get pods --watch');
    expect(started.result.stdout).toBe(
      'NAME                   READY   STATUS    RESTARTS   AGE\n' +
        'web-68bf9f694d-72jgn   1/1     Running   0          10s\n' +
        'web-68bf9f694d-xbf2f   1/1     Running   0          10s\n',
    );
    s.advance(30_000);
    expect(s.readWatch(started.watch!)).toBe('');
    s.kubectl('label pod web-68bf9f694d-xbf2f tier=front');
    expect(s.readWatch(started.watch!)).toBe('web-68bf9f694d-xbf2f   1/1     Running   0          40s\n');
  });

  it('--watch-only prints changes only', () => {
    const s = withWeb();
    const started = s.startWatch('kubectl get deploy --watch-only');
    expect(started.result).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    s.kubectl('scale deployment web --replicas=1');
    s.advance(5_000);
    expect(s.readWatch(started.watch!)).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'web    2/1     2            2           10s\n' +
        'web    2/1     2            2           10s\n' +
        'web    1/1     1            1           10s\n',
    );
  });

  it('-o name prints kind/name for each change', () => {
    const s = withWeb();
    const started = s.startWatch('kubectl get pods -o name -w');
    expect(started.result.stdout).toBe('pod/web-68bf9f694d-72jgn\npod/web-68bf9f694d-xbf2f\n');
    s.kubectl('scale deployment web --replicas=1');
    s.advance(5_000);
    expect(s.readWatch(started.watch!)).toBe(
      'pod/web-68bf9f694d-72jgn\npod/web-68bf9f694d-72jgn\npod/web-68bf9f694d-72jgn\npod/web-68bf9f694d-72jgn\n',
    );
  });

  it("prints a deleted pod's last row, and the event type with --output-watch-events", () => {
    const s = withWeb();
    const started = s.startWatch('kubectl get pods -l app=web --output-watch-events -w');
    expect(started.result.stdout).toBe(
      'EVENT      NAME                   READY   STATUS    RESTARTS   AGE\n' +
        'ADDED      web-68bf9f694d-72jgn   1/1     Running   0          10s\n' +
        'ADDED      web-68bf9f694d-xbf2f   1/1     Running   0          10s\n',
    );
    s.kubectl('scale deployment web --replicas=1');
    s.advance(5_000);
    expect(s.readWatch(started.watch!)).toBe(
      'MODIFIED   web-68bf9f694d-72jgn   1/1     Terminating   0          10s\n' +
        'MODIFIED   web-68bf9f694d-72jgn   0/1     Completed     0          11s\n' +
        'MODIFIED   web-68bf9f694d-72jgn   0/1     Completed     0          11s\n' +
        'DELETED    web-68bf9f694d-72jgn   0/1     Completed     0          11s\n',
    );
  });

  it('sees an object leaving a label selection as DELETED, as it was before', () => {
    const s = withWeb();
    s.kubectl('label pod web-68bf9f694d-xbf2f tier=front');
    const started = s.startWatch('kubectl get pods -l tier=front --output-watch-events -w --show-labels');
    s.kubectl('label pod web-68bf9f694d-xbf2f tier-');
    s.kubectl('label pod web-68bf9f694d-72jgn tier=front');
    expect(started.result.stdout + s.readWatch(started.watch!)).toBe(
      'EVENT      NAME                   READY   STATUS    RESTARTS   AGE   LABELS\n' +
        'ADDED      web-68bf9f694d-xbf2f   1/1     Running   0          10s   app=web,pod-template-hash=68bf9f694d,tier=front\n' +
        'DELETED    web-68bf9f694d-xbf2f   1/1     Running   0          10s   app=web,pod-template-hash=68bf9f694d,tier=front\n' +
        'ADDED      web-68bf9f694d-72jgn   1/1     Running   0          10s   app=web,pod-template-hash=68bf9f694d,tier=front\n',
    );
  });

  it('watches one object by name', () => {
    const s = withWeb();
    const started = s.startWatch('kubectl get pod web-68bf9f694d-xbf2f -w -o wide');
    expect(started.result.stdout).toBe(
      'NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE      NOMINATED NODE   READINESS GATES\n' +
        'web-68bf9f694d-xbf2f   1/1     Running   0          10s   10.244.2.2   worker2   <none>           <none>\n',
    );
    s.kubectl('delete pod web-68bf9f694d-xbf2f --wait=false');
    s.advance(5_000);
    // Its replacement, another pod, is not this watch's.
    const row = (status: string, age: string) =>
      `web-68bf9f694d-xbf2f   ${status}   0          ${age}   10.244.2.2   worker2   <none>           <none>\n`;
    expect(s.readWatch(started.watch!)).toBe(
      row('1/1     Terminating', '10s') +
        row('0/1     Completed  ', '11s') +
        row('0/1     Completed  ', '11s') +
        row('0/1     Completed  ', '11s'),
    );
  });

  it('separates YAML documents with ---', () => {
    const s = withWeb();
    const started = s.startWatch('kubectl get pods -o yaml -w');
    const documents = (text: string) => text.split('\n').filter((l) => l === '---' || l.startsWith('  name: '));
    expect(documents(started.result.stdout)).toEqual([
      '  name: web-68bf9f694d-72jgn',
      '---',
      '  name: web-68bf9f694d-xbf2f',
    ]);
    s.kubectl('label pod web-68bf9f694d-xbf2f tier=front');
    expect(documents(s.readWatch(started.watch!))).toEqual(['---', '  name: web-68bf9f694d-xbf2f']);
  });

  it('stops', () => {
    const s = withWeb();
    const started = s.startWatch('kubectl get pods -w');
    s.kubectl('label pod web-68bf9f694d-xbf2f tier=front');
    s.stopWatch(started.watch!);
    s.kubectl('label pod web-68bf9f694d-72jgn tier=front');
    expect(s.readWatch(started.watch!)).toBe('');
  });

  it('fails as kubectl does for what it cannot watch', () => {
    const s = withWeb();
    const error = (line: string) => {
      const started = s.startWatch(line);
      expect(started.watch).toBeUndefined();
      return started.result;
    };
    expect(error('kubectl get pods,deploy -w')).toEqual({
      stdout: '',
      stderr: 'error: you may only specify a single resource type\n',
      exitCode: 1,
    });
    expect(error('kubectl get pod/web-68bf9f694d-xbf2f deploy/web -w').stderr).toBe(
      'error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n',
    );
    expect(error('kubectl get pod nope -w').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(error('kubectl get pod web-68bf9f694d-72jgn web-68bf9f694d-xbf2f -w')).toEqual({
      stdout:
        'NAME                   READY   STATUS    RESTARTS   AGE\n' +
        'web-68bf9f694d-72jgn   1/1     Running   0          10s\n' +
        'web-68bf9f694d-xbf2f   1/1     Running   0          10s\n',
      stderr: 'error: you may only watch a single resource or type of resource at a time\n',
      exitCode: 1,
    });
    expect(error('kubectl get -w').stderr).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(s.startWatch('kubectl get pods --sort-by=.metadata.name -w').result.stderr).toBe(
      'warning: --watch or --watch-only requested, --sort-by will be ignored\n',
    );
  });

  it('runs other commands as kubectl() does, and kubectl() still prints a -w list once', () => {
    const s = withWeb();
    expect(s.startWatch('kubectl get deploy')).toEqual({
      result: {
        stdout: 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           10s\n',
        stderr: '',
        exitCode: 0,
      },
    });
    expect(s.kubectl('kubectl get deploy -w')).toEqual({
      stdout: 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           10s\n',
      stderr: '',
      exitCode: 0,
    });
  });
});
