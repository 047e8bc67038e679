import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTable, rowFor, runDemoScript } from './demoKit';

function runDemo(id: string) {
  return runDemoScript(fs.readFileSync(new URL(`./${id}.sh`, import.meta.url), 'utf8'));
}

describe('seed demos: resources and storage (seed 001)', () => {
  it('S001-qos: QoS classes; CPU throttled at its limit, memory OOM-killed; under pressure BestEffort goes first', () => {
    const demo = runDemo('S001-qos');
    const classes = parseTable(
      demo.out('kubectl get pods -o custom-columns=NAME:.metadata.name,QOS:.status.qosClass,STATUS:.status.phase'),
    );
    expect(classes.map((row) => [row['NAME'], row['QOS']])).toEqual([
      ['besteffort', 'BestEffort'],
      ['burstable', 'Burstable'],
      ['guaranteed', 'Guaranteed'],
    ]);
    // Compressible: two busy threads under a 500m limit get 500m and keep running.
    expect(rowFor(demo.out('kubectl top pods'), 'cpu-hog')['CPU(cores)']).toBe('500m');
    const hogs = demo.out('kubectl get pod cpu-hog memory-hog');
    expect(rowFor(hogs, 'cpu-hog')).toMatchObject({ STATUS: 'Running', RESTARTS: '0' });
    expect(rowFor(hogs, 'memory-hog')['STATUS']).toBe('CrashLoopBackOff');
    // Incompressible: 250M against a 100Mi limit is an OOM kill.
    const lastState = JSON.parse(
      demo.out(`kubectl get pod memory-hog -o jsonpath='{.status.containerStatuses[0].lastState.terminated}{"\\n"}'`),
    ) as { exitCode: number; reason: string };
    expect([lastState.reason, lastState.exitCode]).toEqual(['OOMKilled', 137]);

    const node = demo.out('kubectl describe node worker1 | grep -E "MemoryPressure|Taints"');
    expect(node).toContain('Taints:             node.kubernetes.io/memory-pressure:NoSchedule\n');
    expect(node).toMatch(/MemoryPressure\s+True\s.*KubeletHasInsufficientMemory/);
    const evictions = parseTable(demo.out('kubectl get events --field-selector reason=Evicted'));
    expect(evictions.map((row) => row['OBJECT'])).toEqual(['pod/besteffort', 'pod/burstable']);
    expect(evictions[0]!['MESSAGE']).toMatch(
      /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: -\d+Ki\. Container app was using \d+Ki, request is 0, has larger consumption of memory\.$/,
    );
    expect(rowFor(demo.out('kubectl get pods -o wide'), 'guaranteed')).toMatchObject({ STATUS: 'Running' });
    expect(demo.out('kubectl describe pod besteffort | grep -E "^(Status|Reason|Message):"')).toMatch(
      /^Status:\s+Failed\nReason:\s+Evicted\nMessage:\s+The node was low on resource: memory\./,
    );
  });

  it('S001-pvc: the claim waits for its first consumer, a volume is provisioned, data outlives the pod', () => {
    const demo = runDemo('S001-pvc');
    expect(rowFor(demo.out('kubectl get storageclass'), 'standard (default)')).toMatchObject({
      PROVISIONER: 'rancher.io/local-path',
      RECLAIMPOLICY: 'Delete',
      VOLUMEBINDINGMODE: 'WaitForFirstConsumer',
    });
    expect(rowFor(demo.out('kubectl get pvc data', 0), 'data')['STATUS']).toBe('Pending');
    expect(demo.out('kubectl describe pvc data')).toContain(
      'WaitForFirstConsumer  2s    persistentvolume-controller  waiting for first consumer to be created before binding\n',
    );
    const bound = rowFor(demo.out('kubectl get pvc data', 1), 'data');
    expect(bound).toMatchObject({ STATUS: 'Bound', CAPACITY: '1Gi', 'ACCESS MODES': 'RWO', STORAGECLASS: 'standard' });
    expect(rowFor(demo.out('kubectl get pv', 0), bound['VOLUME']!)).toMatchObject({
      'RECLAIM POLICY': 'Delete',
      STATUS: 'Bound',
      CLAIM: 'default/data',
    });
    const written = demo.out('kubectl exec writer -- cat /data/first-boot');
    expect(written).toMatch(/^Mon Jan {2}5 09:00:\d\d UTC 2026\n$/);
    // The local volume is tied to its node: the reader lands there and finds the file.
    expect(rowFor(demo.out('kubectl get pod reader -o wide'), 'reader')['NODE']).toBe(
      rowFor(demo.out('kubectl get pod writer -o wide'), 'writer')['NODE'],
    );
    expect(demo.out('kubectl exec reader -- cat /data/first-boot')).toBe(written);
    expect(demo.step('kubectl get pv', 1).stderr).toBe('No resources found\n');
  });
});
