import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { namesIn, parseTable, rowFor, runDemoScript, type TableRow } from './demoKit';

function runDemo(id: string) {
  return runDemoScript(fs.readFileSync(new URL(`./${id}.sh`, import.meta.url), 'utf8'));
}

// Event messages about a container start with its field path, as kubectl describe prints them since 1.35
// (kubernetes PR 133627): `spec.containers{app}: Liveness probe failed: ...`.

/** The longest script lets eleven minutes of cluster time pass. */
const SCRIPT_TIMEOUT_MS = 60_000;

/** The count in a RESTARTS cell such as `6 (2m6s ago)`. */
function restartCount(row: TableRow): number {
  return Number.parseInt(row['RESTARTS'] ?? '', 10);
}

/** The lines of one container's block in `kubectl describe pod` output (its name line excluded). */
function containerBlock(describeText: string, container: string): string {
  const lines = describeText.split('\n');
  const start = lines.indexOf(`  ${container}:`);
  if (start < 0) throw new Error(`no container ${container} in:\n${describeText}`);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('    ')) break;
    block.push(line);
  }
  return block.join('\n');
}

/** Seconds between a terminated state's `Started:` and `Finished:` lines (RFC 1123 with numeric zone). */
function runSeconds(stateText: string): number {
  const match = /Started:\s+(.+)\n\s+Finished:\s+(.+)/.exec(stateText);
  if (!match) throw new Error(`no Started/Finished lines in:\n${stateText}`);
  return (Date.parse(match[2] ?? '') - Date.parse(match[1] ?? '')) / 1000;
}

interface PsRow {
  pid: number;
  user: string;
  command: string;
}

/** busybox `ps -ef`: `PID   USER     TIME  COMMAND`. */
function parsePs(stdout: string): PsRow[] {
  const [header = '', ...lines] = stdout.split('\n').filter((line) => line !== '');
  expect(header).toMatch(/^\s*PID\s+USER\s+TIME\s+COMMAND$/);
  return lines.map((line) => {
    const match = /^\s*(\d+)\s+(\S+)\s+\d+:\d\d\s+(.*)$/.exec(line);
    if (!match) throw new Error(`not a ps -ef row: ${line}`);
    return { pid: Number(match[1]), user: match[2] ?? '', command: (match[3] ?? '').trim() };
  });
}

const NO_SUCH_FILE = "cat: can't open '/tmp/healthy': No such file or directory";

describe('seed demos: Pods (seeds 000–003)', () => {
  it(
    'S000-pod: the label list is rejected; fixed, liveness failures drive the container into CrashLoopBackOff',
    () => {
      const demo = runDemo('S000-pod');

      // kube-apiserver cannot decode a list into metadata.labels (map[string]string): BadRequest, not Invalid.
      const rejected = demo.step('kubectl apply -f app-pod.yaml', 0);
      const decodeError =
        'Error from server (BadRequest): error when creating "app-pod.yaml": Pod in version "v1" cannot be handled as a Pod: ' +
        'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string\n';
      expect(rejected.exitCode).toBe(1);
      expect(rejected.stdout).toBe('');
      expect(rejected.stderr).toBe(decodeError);
      expect(demo.result.transcript).toContain(`$ kubectl apply -f app-pod.yaml\n${decodeError}`);
      // kubectl's words are not enough for a learner: the playground adds a plain-language hint naming the field.
      expect(rejected.hints.join('\n')).toMatch(/labels/);

      const created = demo.step('kubectl apply -f app-pod.yaml', 1);
      expect(created.exitCode).toBe(0);
      expect(created.stdout).toBe('pod/app created\n');

      // postStart wrote /tmp/mylog; preStop, run before the first liveness kill, wrote into the emptyDir.
      expect(demo.out('kubectl exec app -- cat /tmp/mylog')).toBe('Hello Test Start\n');
      expect(demo.out('kubectl exec app -- cat /tmp/app/mylog')).toBe('Hello Test End\n');
      expect(demo.out('kubectl exec app -- wget -qO- localhost:8080')).toBe('<h1>Test Homepage</h1>');

      const samples = demo.all('kubectl get pod app').map((step) => rowFor(step.stdout, 'app'));
      expect(samples).toHaveLength(4);
      expect(samples[0]?.['STATUS']).toMatch(/^(Pending|ContainerCreating)$/);
      const restarts = samples.map(restartCount);
      expect(restarts).toEqual([...restarts].sort((a, b) => a - b));
      // At 330 s the container waits out a back-off of 80 s or more; without back-off it would have restarted ~16 times.
      const last = samples[3];
      expect(last?.['READY']).toBe('0/1');
      expect(last?.['STATUS']).toBe('CrashLoopBackOff');
      expect(last?.['RESTARTS']).toMatch(/^[3-6] \((\d+m)?\d+s ago\)$/);
      expect(last?.['AGE']).toMatch(/^5m(\d+s)?$/);

      const waiting = demo.out(
        "kubectl get pod app -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'",
      );
      expect(waiting).toMatch(/^back-off \d+m\d+s restarting failed container=app pod=app_default\([0-9a-f-]+\)$/);

      const described = demo.out('kubectl describe pod app');
      expect(described).toMatch(/^\s+Host Port:\s+8080\/TCP$/m);
      expect(described).toMatch(
        /^\s+Liveness:\s+exec \[cat \/tmp\/app\/healthy\] delay=5s timeout=1s period=5s #success=1 #failure=3$/m,
      );
      expect(described).toMatch(
        /^\s+Warning\s+Unhealthy\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Liveness probe failed: cat: can't open '\/tmp\/app\/healthy': No such file or directory$/m,
      );
      expect(described).toMatch(
        /^\s+Normal\s+Killing\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Container app failed liveness probe, will be restarted$/m,
      );
      expect(described).toMatch(
        /^\s+Warning\s+BackOff\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Back-off restarting failed container app in pod app_default\([0-9a-f-]+\)$/m,
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S001-probes: failing readiness empties the endpoint, failing liveness restarts, startup holds both off',
    () => {
      const demo = runDemo('S001-probes');
      expect(demo.out('cat <<EOF | kubectl apply -f -')).toBe(
        'pod/web-1 created\npod/web-2 created\npod/web-3 created\nservice/web created\n',
      );

      const wide = parseTable(demo.out('kubectl get pods -o wide'));
      expect(wide.map((row) => [row['NAME'], row['READY'], row['STATUS'], row['RESTARTS']])).toEqual([
        ['web-1', '1/1', 'Running', '0'],
        ['web-2', '1/1', 'Running', '0'],
        ['web-3', '1/1', 'Running', '0'],
      ]);
      const endpointOf = (pod: string) => `${rowFor(demo.out('kubectl get pods -o wide'), pod)['IP'] ?? ''}:80`;
      const [web1, web2, web3] = ['web-1', 'web-2', 'web-3'].map(endpointOf);
      // The endpoints controller lists addresses sorted by IP, so compare as sorted lists.
      const endpoints = (occurrence: number) =>
        (rowFor(demo.out('kubectl get endpoints web', occurrence), 'web')['ENDPOINTS'] ?? '').split(',').sort();
      const expected = (...addresses: (string | undefined)[]) => addresses.map(String).sort();
      expect(endpoints(0)).toEqual(expected(web1, web2, web3));

      // 20 s of failing probes: web-1 unready but never restarted; web-2 killed after 3 failures and started again.
      expect(demo.out('kubeplay probe fail web-1 readiness')).toBe(
        'pod/web-1: readiness probe of container nginx now fails (until kubeplay probe heal)\n',
      );
      const failing = demo.out('kubectl get pods', 0);
      expect(rowFor(failing, 'web-1')).toEqual({
        NAME: 'web-1',
        READY: '0/1',
        STATUS: 'Running',
        RESTARTS: '0',
        AGE: '40s',
      });
      expect(rowFor(failing, 'web-2')['READY']).toBe('1/1');
      expect(rowFor(failing, 'web-2')['RESTARTS']).toMatch(/^1 \(\d+s ago\)$/);
      expect(rowFor(failing, 'web-3')['RESTARTS']).toBe('0');
      expect(endpoints(1)).toEqual(expected(web2, web3));
      // No restartPolicy in the manifest: the API server's default is what restarted web-2.
      expect(demo.out(`kubectl get pod web-2 -o jsonpath='{.spec.restartPolicy}{"\\n"}'`)).toBe('Always\n');

      const unready = demo.out('kubectl describe pod web-1');
      expect(unready).toMatch(
        /^\s+Readiness:\s+http-get http:\/\/:80\/ delay=0s timeout=1s period=5s #success=1 #failure=3$/m,
      );
      expect(unready).toMatch(/^\s+State:\s+Running\n\s+Started:\s+.+\n\s+Ready:\s+False\n\s+Restart Count:\s+0$/m);
      expect(unready).toMatch(/^\s+Ready\s+False\s*$/m);
      expect(unready).toMatch(
        /^\s+Warning\s+Unhealthy\s+\d+s \(x\d+ over \d+s\)\s+kubelet\s+spec\.containers\{nginx\}: Readiness probe failed: probe failure injected by kubeplay$/m,
      );
      expect(unready).not.toContain('Killing');
      expect(unready).not.toContain('Liveness probe failed');

      const restarted = demo.out('kubectl describe pod web-2');
      expect(restarted).toMatch(/^\s+Last State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0$/m);
      expect(restarted).toMatch(/^\s+Ready:\s+True\n\s+Restart Count:\s+1$/m);
      expect(restarted).toMatch(
        /^\s+Warning\s+Unhealthy\s+\d+s \(x3 over \d+s\)\s+kubelet\s+spec\.containers\{nginx\}: Liveness probe failed: probe failure injected by kubeplay$/m,
      );
      expect(restarted).toMatch(
        /^\s+Normal\s+Killing\s+\d+s\s+kubelet\s+spec\.containers\{nginx\}: Container nginx failed liveness probe, will be restarted$/m,
      );
      expect(restarted).not.toContain('Readiness probe failed');

      // web-3's container killed while its startup (and liveness) probe fails: the new container is never started,
      // so neither liveness nor readiness runs — not ready, out of the endpoints, and not killed again in 30 s.
      expect(demo.out('kubeplay pod kill web-3')).toBe('pod/web-3: container nginx killed (SIGKILL)\n');
      const starting = demo.out('kubectl get pods', 1);
      expect(rowFor(starting, 'web-1')['READY']).toBe('1/1');
      expect(rowFor(starting, 'web-3')).toMatchObject({ READY: '0/1', STATUS: 'Running', RESTARTS: '1 (30s ago)' });
      expect(endpoints(2)).toEqual(expected(web1, web2));
      expect(demo.out(`kubectl get pod web-3 -o jsonpath='{.status.containerStatuses[0].started}{"\\n"}'`)).toBe(
        'false\n',
      );
      const held = demo.out('kubectl describe pod web-3');
      expect(held).toMatch(
        /^\s+Startup:\s+http-get http:\/\/:80\/ delay=0s timeout=1s period=5s #success=1 #failure=30$/m,
      );
      expect(held).toMatch(/^\s+Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137$/m);
      expect(held).toMatch(/^\s+Ready:\s+False\n\s+Restart Count:\s+1$/m);
      expect(held).toMatch(
        /^\s+Warning\s+Unhealthy\s+\d+s \(x6 over \d+s\)\s+kubelet\s+spec\.containers\{nginx\}: Startup probe failed: probe failure injected by kubeplay$/m,
      );
      expect(held).not.toContain('Liveness probe failed');
      expect(held).not.toContain('Readiness probe failed');
      expect(held).not.toContain('Killing');

      // Startup healed: the liveness probe runs at last, fails three times, and the container is killed.
      const killed = demo.out('kubectl get pods', 2);
      expect(rowFor(killed, 'web-3')).toMatchObject({ READY: '0/1', STATUS: 'CrashLoopBackOff' });
      expect(rowFor(killed, 'web-3')['RESTARTS']).toMatch(/^1 \(\d+s ago\)$/);
      const events = parseTable(demo.out('kubectl events --for pod/web-3'));
      const unhealthy = (probe: string) => {
        const row = events.find(
          (event) => event['MESSAGE'] === `${probe} probe failed: probe failure injected by kubeplay`,
        );
        const match = /^(\d+)s \(x(\d+) over (\d+)s\)$/.exec(row?.['LAST SEEN'] ?? '');
        if (!match) throw new Error(`no repeated ${probe} failure in:\n${demo.out('kubectl events --for pod/web-3')}`);
        return { lastAgo: Number(match[1]), count: Number(match[2]), firstAgo: Number(match[3]) };
      };
      const startup = unhealthy('Startup');
      const liveness = unhealthy('Liveness');
      expect(startup.count).toBe(6);
      expect(liveness.count).toBe(3);
      // Every liveness failure came after the last startup failure, within the 20 s since the heal.
      expect(liveness.firstAgo).toBeLessThan(startup.lastAgo);
      expect(liveness.firstAgo).toBeLessThanOrEqual(20);
      expect(events.map((event) => event['MESSAGE'])).toContain(
        'Container nginx failed liveness probe, will be restarted',
      );
      expect(events.some((event) => event['MESSAGE']?.startsWith('Readiness probe failed'))).toBe(false);

      // All healed: every pod ready and back behind the Service; only the liveness kills counted as restarts.
      const healed = parseTable(demo.out('kubectl get pods', 3));
      expect(healed.map((row) => [row['NAME'], row['READY'], row['STATUS']])).toEqual([
        ['web-1', '1/1', 'Running'],
        ['web-2', '1/1', 'Running'],
        ['web-3', '1/1', 'Running'],
      ]);
      expect(healed.map((row) => row['RESTARTS']?.replace(/ \(.*\)$/, ''))).toEqual(['0', '1', '2']);
      expect(endpoints(3)).toEqual(expected(web1, web2, web3));
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-phases: Pending, Running, Succeeded and Failed pods with Waiting, Running and Terminated containers',
    () => {
      const demo = runDemo('S002-phases');
      expect(demo.out('kubectl run phase-running --image=busybox:1.28 -- sleep 3600')).toBe(
        'pod/phase-running created\n',
      );
      expect(demo.out('kubectl run phase-failed --image=busybox:1.28 --restart=Never -- sh -c "sleep 5; exit 1"')).toBe(
        'pod/phase-failed created\n',
      );

      const early = parseTable(demo.out('kubectl get pods', 0));
      expect(early.map((row) => row['NAME'])).toEqual([
        'phase-failed',
        'phase-pending',
        'phase-running',
        'phase-succeeded',
      ]);
      for (const row of early) expect(row['STATUS']).toMatch(/^(Pending|ContainerCreating)$/);

      const later = demo.out('kubectl get pods', 1);
      expect(later).toMatch(/^phase-failed\s+0\/1\s+Error\s+0\s+\d+s$/m);
      expect(later).toMatch(/^phase-pending\s+0\/1\s+(ErrImagePull|ImagePullBackOff)\s+0\s+\d+s$/m);
      expect(later).toMatch(/^phase-running\s+1\/1\s+Running\s+0\s+\d+s$/m);
      expect(later).toMatch(/^phase-succeeded\s+0\/1\s+Completed\s+0\s+\d+s$/m);

      expect(demo.out('kubectl get pods -o custom-columns=NAME:.metadata.name,PHASE:.status.phase')).toBe(
        'NAME              PHASE\n' +
          'phase-failed      Failed\n' +
          'phase-pending     Pending\n' +
          'phase-running     Running\n' +
          'phase-succeeded   Succeeded\n',
      );

      const pending = demo.out('kubectl describe pod phase-pending');
      expect(pending).toMatch(/^Status:\s+Pending$/m);
      expect(pending).toMatch(/^\s+State:\s+Waiting\n\s+Reason:\s+(ErrImagePull|ImagePullBackOff)$/m);
      expect(pending).toMatch(
        /^\s+Warning\s+Failed\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Failed to pull image "busybox:no-such-tag": .*not found/m,
      );

      const running = demo.out('kubectl describe pod phase-running');
      expect(running).toMatch(/^Status:\s+Running$/m);
      expect(running).toMatch(/^\s+State:\s+Running\n\s+Started:\s+.+\n\s+Ready:\s+True$/m);

      const succeeded = demo.out('kubectl describe pod phase-succeeded');
      expect(succeeded).toMatch(/^Status:\s+Succeeded$/m);
      expect(succeeded).toMatch(/^\s+State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0$/m);

      const failed = demo.out('kubectl describe pod phase-failed');
      expect(failed).toMatch(/^Status:\s+Failed$/m);
      expect(failed).toMatch(/^\s+State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1$/m);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-prestop: postStart writes the file; a deleted pod stays Terminating for the 20 s of preStop',
    () => {
      const demo = runDemo('S002-prestop');
      expect(demo.out('kubectl apply -f prestop.yaml')).toBe('pod/prestop created\n');
      expect(demo.out('kubectl get pods -l app=prestop', 0)).toMatch(/^prestop\s+1\/1\s+Running\s+0\s+\d+s$/m);
      expect(demo.out('kubectl exec prestop -- cat /usr/share/message')).toBe('Hello from the postStart handler\n');
      expect(demo.out('kubectl delete pod -l app=prestop --wait=false')).toBe(
        'pod "prestop" deleted from default namespace\n',
      );

      // Sampled 0, 10 and 18 s after the delete: preStop (`sleep 20`) is still running.
      for (const occurrence of [1, 2, 3]) {
        expect(rowFor(demo.out('kubectl get pods -l app=prestop', occurrence), 'prestop')['STATUS']).toBe(
          'Terminating',
        );
      }
      // 25 s after the delete: preStop ended at 20 s, SIGTERM stopped the server, the pod is gone.
      expect(demo.step('kubectl get pods -l app=prestop', 4).stderr).toBe('No resources found in default namespace.\n');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-two-containers: debian writes index.html, nginx serves it, the pod is 1/2 NotReady',
    () => {
      const demo = runDemo('S002-two-containers');
      expect(demo.out('kubectl apply -f - <<EOF')).toBe('pod/two-containers created\n');
      expect(demo.out('kubectl get pod two-containers -o wide')).toMatch(
        /^two-containers\s+1\/2\s+NotReady\s+0\s+\d+s\s+\d+\.\d+\.\d+\.\d+\s+worker[123]\s+<none>\s+<none>$/m,
      );

      const described = demo.out('kubectl describe pod two-containers');
      expect(containerBlock(described, 'debian-container')).toMatch(
        /^\s+State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0$/m,
      );
      expect(containerBlock(described, 'nginx-container')).toMatch(/^\s+State:\s+Running$/m);

      expect(demo.out('kubectl exec two-containers -c nginx-container -- curl -s localhost')).toBe(
        'Hello from the debian container\n',
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-share-pid: the shell sees /pause as PID 1 and nginx; HUP to PID 7 replaces the workers',
    () => {
      const demo = runDemo('S002-share-pid');
      expect(demo.out('kubectl describe pod nginx')).toMatch(/^Containers:\n {2}nginx:\n[\s\S]*^ {2}shell:$/m);

      // The nginx image is Debian: dash reports the missing ps, kubectl reports the exit code.
      const noPs = demo.step('kubectl exec nginx -c nginx -- sh -c ps');
      expect(noPs.stdout).toBe('');
      expect(noPs.stderr).toBe('sh: 1: ps: not found\ncommand terminated with exit code 127\n');
      expect(noPs.exitCode).toBe(127);

      const before = parsePs(demo.out('kubectl exec nginx -c shell -- ps -ef', 0));
      expect(before[0]).toEqual({ pid: 1, user: '65535', command: '/pause' });
      // The seed's session runs `kill -HUP 7`: the nginx master must be PID 7 as it was there.
      expect(before.filter((row) => row.command === 'nginx: master process nginx -g daemon off;')).toEqual([
        { pid: 7, user: 'root', command: 'nginx: master process nginx -g daemon off;' },
      ]);
      const oldWorkers = before.filter((row) => row.command === 'nginx: worker process');
      expect(oldWorkers.length).toBeGreaterThan(0);
      for (const worker of oldWorkers) expect(worker.user).toBe('101');
      expect(before.some((row) => row.command === 'sh' && row.user === 'root')).toBe(true);
      expect(before.some((row) => row.command === 'ps -ef')).toBe(true);

      const hup = demo.step('kubectl exec nginx -c shell -- kill -HUP 7');
      expect(hup.exitCode).toBe(0);
      expect(hup.stdout + hup.stderr).toBe('');

      const after = parsePs(demo.out('kubectl exec nginx -c shell -- ps -ef', 1));
      expect(after.find((row) => row.pid === 7)?.command).toBe('nginx: master process nginx -g daemon off;');
      const newWorkers = after.filter((row) => row.command === 'nginx: worker process');
      expect(newWorkers).toHaveLength(oldWorkers.length);
      const lastOldPid = Math.max(...before.map((row) => row.pid));
      for (const worker of newWorkers) expect(worker.pid).toBeGreaterThan(lastOldPid);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-init-prep: the init container fetches info.cern.ch into the emptyDir that nginx serves',
    () => {
      const demo = runDemo('S002-init-prep');
      expect(demo.out('kubectl apply -f - <<EOF')).toBe('pod/init-demo created\n');
      // 0.5 s in: scheduled, the init container (busybox pull, then wget) not yet done.
      expect(demo.out('kubectl get pod init-demo')).toMatch(/^init-demo\s+0\/1\s+Init:0\/1\s+0\s+\d+s$/m);
      expect(demo.out('kubectl get pod init-demo -o wide')).toMatch(
        /^init-demo\s+1\/1\s+Running\s+0\s+\d+s\s+\d+\.\d+\.\d+\.\d+\s+worker[123]\s+<none>\s+<none>$/m,
      );
      // busybox wget reports the connection on stderr, which is part of the container log.
      expect(demo.out('kubectl logs init-demo -c install')).toMatch(
        /^Connecting to info\.cern\.ch \(\d+\.\d+\.\d+\.\d+:80\)$/m,
      );

      const described = demo.out('kubectl describe pod init-demo');
      expect(described).toMatch(/^Init Containers:\n {2}install:$/m);
      expect(containerBlock(described, 'install')).toMatch(
        /^\s+State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0$/m,
      );
      expect(described).toMatch(/^\s+Initialized\s+True\s*$/m);

      const page = demo.out('kubectl exec init-demo -c nginx -- curl -s localhost');
      expect(page).toContain('<title>http://info.cern.ch</title>');
      expect(page).toContain('<h1>http://info.cern.ch - home of the first website</h1>');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-restart: Never and OnFailure complete; Always and OnFailure with exit 1 back off to 6 restarts at 11m',
    () => {
      const demo = runDemo('S002-restart');
      const applied = demo.all('cat <<EOF | kubectl apply -f -').map((step) => step.stdout);
      expect(applied).toEqual([
        'pod/startpolicy-never created\n',
        'pod/startpolicy-always created\n',
        'pod/startpolicy-onfailure created\n',
        'pod/startpolicy-onfailure-unnormal created\n',
      ]);

      // 45 s: every container has exited once; Always and OnFailure-with-exit-1 were restarted at once.
      const early = demo.out('kubectl get pod -o wide', 0);
      expect(early).toMatch(/^startpolicy-always\s+1\/1\s+Running\s+1 \(\d+s ago\)\s+\d+s\s+/m);
      expect(early).toMatch(/^startpolicy-never\s+0\/1\s+Completed\s+0\s+\d+s\s+/m);
      expect(early).toMatch(/^startpolicy-onfailure\s+0\/1\s+Completed\s+0\s+\d+s\s+/m);
      expect(early).toMatch(/^startpolicy-onfailure-unnormal\s+1\/1\s+Running\s+1 \(\d+s ago\)\s+\d+s\s+/m);

      const completedBlock =
        /^\s+State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0\n\s+Started:\s+.+\n\s+Finished:\s+.+\n\s+Ready:\s+False\n\s+Restart Count:\s+0$/m;
      for (const pod of ['startpolicy-never', 'startpolicy-onfailure']) {
        const described = demo.out(`kubectl describe pod ${pod}`);
        expect(described).toMatch(/^Status:\s+Succeeded$/m);
        expect(described).toMatch(completedBlock);
        expect(runSeconds(described)).toBeGreaterThanOrEqual(30);
        expect(runSeconds(described)).toBeLessThanOrEqual(31);
      }

      // 11 min, as in the seed's watch: back-off gaps 0, 10, 20, 40, 80, 160 s, then 300 s → 6 restarts.
      const late = demo.out('kubectl get pod -o wide', 1);
      expect(late).toMatch(/^startpolicy-always\s+0\/1\s+CrashLoopBackOff\s+6 \((\d+m)?\d+s ago\)\s+1[01]m\s+/m);
      expect(late).toMatch(/^startpolicy-never\s+0\/1\s+Completed\s+0\s+1[01]m\s+/m);
      expect(late).toMatch(/^startpolicy-onfailure\s+0\/1\s+Completed\s+0\s+1[01]m\s+/m);
      expect(late).toMatch(
        /^startpolicy-onfailure-unnormal\s+0\/1\s+CrashLoopBackOff\s+6 \((\d+m)?\d+s ago\)\s+1[01]m\s+/m,
      );

      const always = demo.out('kubectl describe pod startpolicy-always');
      expect(always).toMatch(/^Status:\s+Running$/m);
      expect(always).toMatch(
        /^\s+State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff\n\s+Last State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0\n\s+Started:\s+.+\n\s+Finished:\s+.+\n\s+Ready:\s+False\n\s+Restart Count:\s+6$/m,
      );
      const unnormal = demo.out('kubectl describe pod startpolicy-onfailure-unnormal');
      expect(unnormal).toMatch(
        /^\s+State:\s+Waiting\n\s+Reason:\s+CrashLoopBackOff\n\s+Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+1\n\s+Started:\s+.+\n\s+Finished:\s+.+\n\s+Ready:\s+False\n\s+Restart Count:\s+6$/m,
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-liveness-exec: restarts after three failed probes, then backs off',
    () => {
      const demo = runDemo('S002-liveness-exec');
      expect(demo.out('cat <<EOF | kubectl apply -f -')).toBe('pod/liveness-exec created\n');
      expect(demo.out('kubectl get pods', 0)).toMatch(
        /^liveness-exec\s+0\/1\s+(Pending|ContainerCreating)\s+0\s+\d+s$/m,
      );

      // 20 s: /tmp/healthy still exists.
      const healthy = demo.out('kubectl describe pod liveness-exec', 0);
      expect(healthy).toMatch(
        /^\s+Liveness:\s+exec \[cat \/tmp\/healthy\] delay=5s timeout=1s period=5s #success=1 #failure=3$/m,
      );
      expect(healthy).toMatch(/^\s+State:\s+Running$/m);
      expect(healthy).not.toContain('probe failed');

      // 55 s: the file went at ~31 s; three failures 5 s apart, then the kill (the prober holds while it runs).
      const failing = demo.out('kubectl describe pod liveness-exec', 1);
      expect(failing).toContain(`Liveness probe failed: ${NO_SUCH_FILE}`);
      expect(failing).toMatch(
        /^\s+Warning\s+Unhealthy\s+\d+s \(x3 over \d+s\)\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Liveness probe failed: cat: can't open/m,
      );
      expect(failing).toMatch(
        /^\s+Normal\s+Killing\s+\d+s\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Container liveness failed liveness probe, will be restarted$/m,
      );

      // 100 s: sh as PID 1 ignores SIGTERM, so the kill took the 30 s grace period; the first restart is immediate.
      expect(demo.out('kubectl get pods', 1)).toMatch(/^liveness-exec\s+1\/1\s+Running\s+1 \(\d+s ago\)\s+\d+s$/m);

      // 210 s: the second exit waited out a 10 s back-off.
      const backedOff = demo.out('kubectl describe pod liveness-exec', 2);
      expect(backedOff).toMatch(/^\s+Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137$/m);
      expect(backedOff).toMatch(/^\s+Restart Count:\s+2$/m);
      expect(backedOff).toMatch(
        /^\s+Warning\s+BackOff\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Back-off restarting failed container liveness in pod liveness-exec_default\([0-9a-f-]+\)$/m,
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-liveness-http: /healthz turns 500 after 10 s and the container is restarted',
    () => {
      const demo = runDemo('S002-liveness-http');
      expect(demo.out('cat <<EOF | kubectl apply -f -')).toBe('pod/liveness-http created\n');

      const early = demo.out('kubectl describe pod liveness-http', 0);
      expect(early).toMatch(
        /^\s+Liveness:\s+http-get http:\/\/:8080\/healthz delay=3s timeout=1s period=3s #success=1 #failure=3$/m,
      );
      expect(early).not.toContain('probe failed');

      const later = demo.out('kubectl describe pod liveness-http', 1);
      expect(later).toMatch(
        /^\s+Warning\s+Unhealthy\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Liveness probe failed: HTTP probe failed with statuscode: 500$/m,
      );
      expect(later).toMatch(
        /^\s+Normal\s+Killing\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Container liveness failed liveness probe, will be restarted$/m,
      );

      expect(demo.out('kubectl get pod liveness-http')).toMatch(
        /^liveness-http\s+[01]\/1\s+(Running|CrashLoopBackOff)\s+[1-4] \(\d+s ago\)\s+\d+s$/m,
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-liveness-tcp: the tcpSocket probe passes while the port is open',
    () => {
      const demo = runDemo('S002-liveness-tcp');
      expect(demo.out('cat <<EOF | kubectl apply -f -')).toBe('pod/goproxy created\n');
      expect(demo.out('kubectl get pod goproxy')).toMatch(/^goproxy\s+1\/1\s+Running\s+0\s+\d+s$/m);

      const described = demo.out('kubectl describe pod goproxy');
      expect(described).toMatch(
        /^\s+Liveness:\s+tcp-socket :8080 delay=15s timeout=1s period=20s #success=1 #failure=3$/m,
      );
      expect(described).toMatch(/^\s+Ready:\s+True\n\s+Restart Count:\s+0$/m);
      expect(described).not.toContain('Unhealthy');
      expect(described).not.toContain('Killing');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-readiness: failing exec and http readiness probes make pods NotReady without restarting them',
    () => {
      const demo = runDemo('S002-readiness');
      expect(demo.all('cat <<EOF | kubectl apply -f -').map((step) => step.stdout)).toEqual([
        'pod/readiness-exec created\n',
        'pod/readiness-http created\n',
      ]);

      const ready = demo.out('kubectl get pods', 0);
      expect(ready).toMatch(/^readiness-exec\s+1\/1\s+Running\s+0\s+\d+s$/m);
      expect(ready).toMatch(/^readiness-http\s+1\/1\s+Running\s+0\s+\d+s$/m);

      for (const occurrence of [1, 2]) {
        const notReady = demo.out('kubectl get pods', occurrence);
        expect(notReady).toMatch(/^readiness-exec\s+0\/1\s+Running\s+0\s+\d+[sm]$/m);
        expect(notReady).toMatch(/^readiness-http\s+0\/1\s+Running\s+0\s+\d+[sm]$/m);
      }

      const exec = demo.out('kubectl describe pod readiness-exec');
      expect(exec).toMatch(
        /^\s+Readiness:\s+exec \[cat \/tmp\/healthy\] delay=5s timeout=1s period=5s #success=1 #failure=3$/m,
      );
      expect(exec).toMatch(
        /^\s+Warning\s+Unhealthy\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Readiness probe failed: cat: can't open '\/tmp\/healthy': No such file or directory$/m,
      );
      expect(exec).toMatch(/^\s+Ready\s+False\s*$/m);
      expect(exec).toMatch(/^\s+ContainersReady\s+False\s*$/m);
      expect(exec).toMatch(/^\s+Restart Count:\s+0$/m);
      expect(exec).not.toContain('Killing');

      const http = demo.out('kubectl describe pod readiness-http');
      expect(http).toMatch(
        /^\s+Readiness:\s+http-get http:\/\/:8080\/healthz delay=3s timeout=1s period=3s #success=1 #failure=3$/m,
      );
      expect(http).toMatch(
        /^\s+Warning\s+Unhealthy\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Readiness probe failed: HTTP probe failed with statuscode: 500$/m,
      );
      expect(http).toMatch(/^\s+Restart Count:\s+0$/m);
      expect(http).not.toContain('Killing');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-startup: liveness never runs before the startup probe succeeds; 30 startup failures restart the container, past the event spam limit',
    () => {
      const demo = runDemo('S002-startup');
      expect(demo.out('cat <<EOF | kubectl apply -f -')).toBe('pod/startup-http created\n');

      // The server answers 500 once it has run for more than 10 s, and the first startup probe runs at 10 s or later
      // (initialDelaySeconds 10, on the worker's 10 s ticker), so the startup probe keeps failing and liveness waits.
      expect(demo.out('kubectl get pod startup-http', 0)).toMatch(/^startup-http\s+0\/1\s+Running\s+0\s+\d+s$/m);
      const starting = demo.out('kubectl describe pod startup-http', 0);
      expect(starting).toMatch(
        /^\s+Liveness:\s+http-get http:\/\/:8080\/healthz delay=3s timeout=1s period=3s #success=1 #failure=3$/m,
      );
      expect(starting).toMatch(
        /^\s+Startup:\s+http-get http:\/\/:8080\/healthz delay=10s timeout=1s period=10s #success=1 #failure=30$/m,
      );
      expect(starting).toMatch(
        /^\s+Warning\s+Unhealthy\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Startup probe failed: HTTP probe failed with statuscode: 500$/m,
      );
      expect(starting).not.toContain('Liveness probe failed');
      expect(starting).toMatch(/^\s+Restart Count:\s+0$/m);

      // 360 s: the 30th failure (~310 s) killed the container; it restarted and is starting again.
      expect(demo.out('kubectl get pod startup-http', 1)).toMatch(
        /^startup-http\s+0\/1\s+Running\s+1 \(\d+s ago\)\s+6m(\d+s)?$/m,
      );
      const restarted = demo.out('kubectl describe pod startup-http', 1);
      expect(restarted).toMatch(
        /^\s+Warning\s+Unhealthy\s+\d+s \(x30 over 5m\d+s\)\s+kubelet\s+spec\.containers\{liveness\}: Startup probe failed: HTTP probe failed with statuscode: 500$/m,
      );
      // The kubelet's event spam filter (25 events per object, then one per 5 minutes) drops the `Killing` event and
      // the restart's events, as on a real cluster (kubernetes issue 67887).
      expect(restarted).not.toContain('Killing');
      expect(restarted).not.toContain('Liveness probe failed');
      expect(restarted).toMatch(/^\s+Restart Count:\s+1$/m);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-pod: the annotated nginx Pod runs with its labels, command and env; delete uses its 40 s grace period',
    () => {
      const demo = runDemo('S003-pod');
      expect(demo.out('kubectl apply -f nginx-pod.yaml')).toBe('pod/nginx created\n');
      expect(demo.out('kubectl get pod nginx -o wide')).toMatch(
        /^nginx\s+1\/1\s+Running\s+0\s+\d+s\s+\d+\.\d+\.\d+\.\d+\s+worker[123]\s+<none>\s+<none>$/m,
      );

      const described = demo.out('kubectl describe pod nginx');
      expect(described).toMatch(/^Name:\s+nginx$/m);
      expect(described).toMatch(/^Labels:\s+app=nginx\n\s+role=frontend$/m);
      expect(described).toMatch(/^Annotations:\s+app: nginx$/m);
      expect(described).toMatch(/^\s+Image:\s+nginx:1\.15\.2$/m);
      expect(described).toMatch(/^\s+Port:\s+80\/TCP \(http\)$/m);
      expect(described).toMatch(/^\s+Command:\n\s+nginx\n\s+-g\n\s+daemon off;$/m);
      expect(described).toMatch(/^\s+Environment:\n\s+TZ:\s+Asia\/Shanghai\n\s+LANG:\s+en_US\.utf8$/m);
      expect(described).toMatch(
        /^\s+Normal\s+Scheduled\s+.+\s+default-scheduler\s+Successfully assigned default\/nginx to worker[123]$/m,
      );
      expect(described).toMatch(
        /^\s+Normal\s+Pulling\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Pulling image "nginx:1\.15\.2"$/m,
      );

      expect(demo.out('kubectl run demo --image=myapp:v1')).toBe('pod/demo created\n');
      expect(namesIn(demo.out('kubectl get pod', 0))).toEqual(['demo', 'nginx']);
      expect(demo.out('kubectl get pod -o wide')).toMatch(
        /^demo\s+1\/1\s+Running\s+0\s+\d+s\s+\d+\.\d+\.\d+\.\d+\s+worker[123]\s+/m,
      );
      expect(demo.out('kubectl delete pod demo')).toBe('pod "demo" deleted from default namespace\n');
      expect(namesIn(demo.out('kubectl get pod', 1))).toEqual(['nginx']);

      expect(demo.out('kubectl delete pod nginx --wait=false')).toBe('pod "nginx" deleted from default namespace\n');
      expect(demo.out("kubectl get pod nginx -o jsonpath='{.metadata.deletionGracePeriodSeconds}'")).toBe('40');
      // nginx exits on SIGTERM, so the pod is gone long before the 40 s are up.
      const gone = demo.step('kubectl get pod', 2);
      expect(gone.stdout).toBe('');
      expect(gone.stderr).toBe('No resources found in default namespace.\n');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-labels: label a pod, then select with =, !=, in and notin exactly as kubectl does',
    () => {
      const demo = runDemo('S003-labels');
      expect(demo.out('kubectl run web --image=nginx --labels=app=web')).toBe('pod/web created\n');

      const wrongNamespace = demo.step('kubectl label pod nginx name=nginx -n kube-system');
      expect(wrongNamespace.exitCode).toBe(1);
      expect(wrongNamespace.stderr).toBe('Error from server (NotFound): pods "nginx" not found\n');
      expect(demo.out('kubectl label pod nginx name=nginx')).toBe('pod/nginx labeled\n');

      const all = parseTable(demo.out('kubectl get pod --show-labels'));
      expect(Object.fromEntries(all.map((row) => [row['NAME'] ?? '', row['LABELS'] ?? '']))).toEqual({
        nginx: 'app=nginx,env=prod,name=nginx',
        nginx01: 'app=nginx01,env=test',
        nginx02: 'app=nginx02,env=dev',
        nginx03: 'app=nginx03,env=prod',
        web: 'app=web',
      });

      const plain = demo.out('kubectl get pod -l name=nginx');
      expect(plain.split('\n')[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
      expect(namesIn(plain)).toEqual(['nginx']);
      expect(namesIn(demo.out("kubectl get pod -l 'env=prod,app=nginx' --show-labels"))).toEqual(['nginx']);
      expect(namesIn(demo.out("kubectl get pod -l 'app in (nginx,nginx02,nginx03)' --show-labels"))).toEqual([
        'nginx',
        'nginx02',
        'nginx03',
      ]);
      expect(namesIn(demo.out("kubectl get pod -l 'env=prod,app in (nginx,nginx02,nginx03)' --show-labels"))).toEqual([
        'nginx',
        'nginx03',
      ]);
      // notin and != also select pods that lack the key (web has no env label).
      expect(namesIn(demo.out("kubectl get pod -l 'app notin (nginx,nginx03)' --show-labels"))).toEqual([
        'nginx01',
        'nginx02',
        'web',
      ]);
      expect(namesIn(demo.out("kubectl get pod -l 'env != dev' --show-labels"))).toEqual([
        'nginx',
        'nginx01',
        'nginx03',
        'web',
      ]);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-termination: two preStop handlers are rejected; fixed, the pod stays Terminating through its 40 s preStop',
    () => {
      const demo = runDemo('S003-termination');
      const rejected = demo.step('kubectl apply -f - <<EOF', 0);
      expect(rejected.exitCode).toBe(1);
      expect(rejected.stderr).toBe(
        'The Pod "termination-demo" is invalid: spec.containers[0].lifecycle.preStop.httpGet: Forbidden: may not specify more than 1 handler type\n',
      );
      expect(rejected.hints.join('\n')).toMatch(/preStop|handler/);
      expect(demo.out('kubectl apply -f - <<EOF', 1)).toBe('pod/termination-demo created\n');

      // postStart ran `mkdir /data/`.
      expect(demo.out('kubectl exec termination-demo -- ls -d /data')).toBe('/data\n');

      expect(demo.out('kubectl delete pod termination-demo --wait=false')).toBe(
        'pod "termination-demo" deleted from default namespace\n',
      );
      expect(demo.out('kubectl get pod termination-demo', 0)).toMatch(
        /^termination-demo\s+[01]\/1\s+Terminating\s+0\s+\d+s$/m,
      );

      const terminating = demo.out('kubectl describe pod termination-demo');
      // deletionTimestamp lies in the future (now + grace period), so kubectl's translateTimestampSince prints
      // duration.HumanDuration of a negative span: `<invalid>`, as a real cluster shows.
      expect(terminating).toMatch(/^Status:\s+Terminating \(lasts <invalid>\)$/m);
      expect(terminating).toMatch(/^Termination Grace Period:\s+50s$/m);
      expect(terminating).toMatch(
        /^\s+Normal\s+Killing\s+.+\s+kubelet\s+spec\.(?:init)?[cC]ontainers\{[\w-]+\}: Stopping container nginx$/m,
      );

      // 35 s after the delete preStop (`sleep 40`) still runs; at 45 s it has finished and nginx has quit.
      expect(demo.out('kubectl get pod termination-demo', 1)).toMatch(
        /^termination-demo\s+[01]\/1\s+Terminating\s+0\s+\d+s$/m,
      );
      const gone = demo.step('kubectl get pod termination-demo', 2);
      expect(gone.exitCode).toBe(1);
      expect(gone.stderr).toBe('Error from server (NotFound): pods "termination-demo" not found\n');
    },
    SCRIPT_TIMEOUT_MS,
  );
});
