import { describe, expect, it } from 'vitest';
import { at, createSeededCluster as cluster } from '../testing/fixtures';

/** An events.k8s.io-style event with only eventTime and a series, as newer components record them. */
function seriesEvent(name: string, object: string, first: number, last: number) {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: object, namespace: 'default', uid: `uid-${object}` },
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container',
    eventTime: `${at(first).replace('Z', '')}.000000Z`,
    series: { count: 4, lastObservedTime: `${at(last).replace('Z', '')}.000000Z` },
    reportingComponent: 'kubelet',
  };
}

describe('kubectl events', () => {
  it('sorts by the series, last or event time, and filters by object and type', () => {
    const c = cluster();
    c.api.seed(seriesEvent('crash.1', 'crash', 3100, 3170));
    const warnings = c.run('events --types=warning').stdout.split('\n');
    expect(warnings[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(warnings.slice(1, 3).map((l) => l.replace(/ {2,}/g, ' | '))).toEqual([
      "43s (x6 over 2m23s) | Warning | Unhealthy | Pod/liveness-exec | Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
      '10s (x4 over 80s) | Warning | BackOff | Pod/crash | Back-off restarting failed container',
    ]);
    expect(c.run('events --for pod/crash -o name').stdout).toBe('event/crash.1\n');
    expect(c.run('events --for crash').stderr).toBe('error: --for must be in resource/name form\n');
    expect(c.run('events --types=Info').stderr).toBe('error: valid --types are Normal or Warning\n');
  });

  it('names the namespace with -A, and says when there are none', () => {
    const c = cluster();
    expect(c.run('events -A --for pod/liveness-exec').stdout.split('\n')[1]).toMatch(
      /^default +3m +Normal +Scheduled +Pod\/liveness-exec +Successfully assigned default\/liveness-exec to worker1$/,
    );
    expect(c.run('events -n kube-system')).toEqual({
      stdout: '',
      stderr: 'No events found in kube-system namespace.\n',
      exitCode: 0,
    });
    expect(c.run('events -A --types=Warning --for pod/nothing').stderr).toBe('No events found.\n');
  });
});

describe('kubectl get events', () => {
  it('prints the server-side columns in the order the API lists events (by name), wide with source and count', () => {
    const c = cluster();
    c.api.seed(seriesEvent('a-first.1', 'a-first', 3170, 3175));
    const rows = c.run('get events').stdout.split('\n');
    expect(rows[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(rows[1]).toMatch(/^5s +Warning +BackOff +pod\/a-first +Back-off restarting failed container$/);
    expect(rows[2]).toMatch(/^3m +Normal +Scheduled +pod\/liveness-exec /);
    expect(c.run('get events -o wide --field-selector reason=Killing').stdout).toBe(
      'LAST SEEN   TYPE     REASON    OBJECT              SUBOBJECT                   SOURCE             MESSAGE                                                       FIRST SEEN   COUNT   NAME\n' +
        '43s         Normal   Killing   pod/liveness-exec   spec.containers{liveness}   kubelet, worker1   Container liveness failed liveness probe, will be restarted   2m13s        2       liveness-exec.7\n',
    );
  });
});
