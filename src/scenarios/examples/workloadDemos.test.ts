import fs from 'node:fs';
import { describe, it, expect } from 'vitest';
import { column, namesIn, parseSections, parseTable, rowFor, runDemoScript, type TableRow } from './demoKit';

function runDemo(id: string) {
  return runDemoScript(fs.readFileSync(new URL(`./${id}.sh`, import.meta.url), 'utf8'));
}

// What a learner sees on a real Kubernetes 1.34 cluster for the seeds' workload and Service demos. Event wording is
// kube-controller-manager 1.34's; kubectl describe prefixes container events with their field path (1.35 change
// the playground follows, see README).

/** The longest script lets about ten minutes of cluster time pass. */
const SCRIPT_TIMEOUT_MS = 60_000;

/** apiserver generateName suffixes: 5 characters of this alphabet (apiserver/pkg/storage/names/generate.go). */
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
/** pod-template-hash: the decimal FNV-32a hash, each digit mapped by rand.SafeEncodeString to one of these. */
const HASH = '[4-9bcdf]{1,10}';
const IP = '\\d{1,3}(?:\\.\\d{1,3}){3}';
const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const RECORD_DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future\n';
const ENDPOINTS_DEPRECATED = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

/** Rows of pods that are not on their way out. */
function livePods(stdout: string): TableRow[] {
  return parseTable(stdout).filter((row) => row['STATUS'] !== 'Terminating');
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

/** A row of the Events table of `kubectl describe`. */
interface EventRow {
  type: string;
  reason: string;
  age: string;
  from: string;
  message: string;
}

/** The Events table at the end of `kubectl describe` output, oldest first as kubectl sorts it. */
function eventsIn(described: string): EventRow[] {
  const lines = described.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Events:'));
  if (start < 0) throw new Error(`no Events in:\n${described}`);
  const rows: EventRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    const [type = '', reason = '', age = '', from = '', ...message] = line.trim().split(/ {2,}/);
    if (type === 'Type' || type.startsWith('---')) continue;
    rows.push({ type, reason, age, from, message: message.join('  ') });
  }
  return rows;
}

/** The messages of one reason's events, in kubectl's order. */
function messagesOf(described: string, reason: string): string[] {
  return eventsIn(described)
    .filter((event) => event.reason === reason)
    .map((event) => event.message);
}

/** `ScalingReplicaSet` events of `kubectl describe deployment`: all Normal, all from the deployment controller. */
function scalingEvents(described: string): EventRow[] {
  const events = eventsIn(described).filter((event) => event.reason === 'ScalingReplicaSet');
  for (const event of events) {
    expect(event.type).toBe('Normal');
    expect(event.from).toBe('deployment-controller');
  }
  return events;
}

/** A value captured by the first group of `pattern`, which must match. */
function capture(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match?.[1]) throw new Error(`${String(pattern)} does not match:\n${text}`);
  return match[1];
}

/** Creation and Ready times from `-o custom-columns=NAME,...,CREATED,READY-SINCE` output, by pod name. */
function podTimes(stdout: string): Record<string, { created: number; ready: number }> {
  return Object.fromEntries(
    parseTable(stdout).map((row) => [
      row['NAME'] ?? '',
      { created: Date.parse(row['CREATED'] ?? ''), ready: Date.parse(row['READY-SINCE'] ?? '') },
    ]),
  );
}

/**
 * StatefulSet ordering (stateful_set_control.go, OrderedReady): `later` is only created once `earlier` is Running and
 * Ready. API times have whole seconds, so "not before".
 */
function expectCreatedAfterReady(
  times: Record<string, { created: number; ready: number }>,
  earlier: string,
  later: string,
): void {
  const first = times[earlier];
  const second = times[later];
  if (!first || !second) throw new Error(`no times for ${earlier} and ${later}`);
  expect(Number.isNaN(first.ready)).toBe(false);
  expect(second.created).toBeGreaterThanOrEqual(first.ready);
}

/**
 * What OrderedReady allows at any moment: pods `<sts>-0` … `<sts>-k` in order, every one but the last Running and
 * Ready (the next ordinal is only created once its predecessor is).
 */
function expectOrderedStart(stdout: string, statefulSet: string): TableRow[] {
  const rows = parseTable(stdout);
  expect(column(rows, 'NAME')).toEqual(rows.map((_, i) => `${statefulSet}-${i}`));
  for (const row of rows.slice(0, -1)) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
  return rows;
}

/** The `Hostname:` lines of hello-app answers (quay.io/junkai/demo:1.0 is the same program). */
function hostnamesIn(stdout: string): string[] {
  return [...stdout.matchAll(/^Hostname: (.+)$/gm)].map((match) => match[1] ?? '');
}

/** `kubectl rollout history` of a Deployment or DaemonSet: the name printer's line, the table, then a blank line. */
function historyOutput(resource: string, revisions: readonly (readonly [number, string])[]): string {
  // polymorphichelpers/history.go: tabwriter padding 2; rollout_history.go prints "%s\n%s" as the operation.
  const rows = revisions.map(([revision, cause]) => `${String(revision).padEnd(10)}${cause}\n`).join('');
  return `${resource} \nREVISION  CHANGE-CAUSE\n${rows}\n`;
}

const APP_CAUSE_1 =
  'kubectl deployment.v1.apps/app-deployment set image deployment.v1.apps/app-deployment app=app:1.0.1 --record=true';
const APP_CAUSE_2 = 'kubectl set image deployment/app-deployment app=app:1.0.2 --record=true';

function nginxCause(tag: string): string {
  return `kubectl set image deploy nginx nginx=nginx:${tag} --record=true`;
}

/** The six rolling-update steps of 3 replicas with maxSurge 1, maxUnavailable 0 (k8s-behaviour §2.1). */
function rollingSteps(oldRs: string, newRs: string): string[] {
  return [
    `Scaled up replica set ${newRs} from 0 to 1`,
    `Scaled down replica set ${oldRs} from 3 to 2`,
    `Scaled up replica set ${newRs} from 1 to 2`,
    `Scaled down replica set ${oldRs} from 2 to 1`,
    `Scaled up replica set ${newRs} from 2 to 3`,
    `Scaled down replica set ${oldRs} from 1 to 0`,
  ];
}

const MYAPP_V1 = 'Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n';
const MYAPP_V2 = 'Hello MyApp | Version: v2 | <a href="hostname.html">Pod Name</a>\n';

describe('seed demos: workloads and Services (seeds 000–004)', () => {
  it(
    'S000-rs: the ReplicaSet owns its 3 pods through ownerReferences and replaces a deleted one',
    () => {
      const demo = runDemo('S000-rs');
      expect(demo.out('kubectl apply -f app-rs.yaml')).toBe('replicaset.apps/app-rs created\n');
      expect(demo.out('kubectl get rs app-rs')).toMatch(
        /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\napp-rs\s+3\s+3\s+3\s+\d+s\n$/,
      );

      const before = parseTable(demo.out('kubectl get pods -l tier=app-rs', 0));
      expect(before).toHaveLength(3);
      for (const row of before) {
        expect(row['NAME']).toMatch(new RegExp(`^app-rs-${SUFFIX}$`));
        expect([row['READY'], row['STATUS'], row['RESTARTS']]).toEqual(['1/1', 'Running', '0']);
      }
      const owners = parseTable(
        demo.out(
          'kubectl get pods -l tier=app-rs -o custom-columns=NAME:.metadata.name,OWNER-KIND:.metadata.ownerReferences[0].kind,OWNER:.metadata.ownerReferences[0].name,CONTROLLER:.metadata.ownerReferences[0].controller',
        ),
      );
      expect(owners).toEqual(
        column(before, 'NAME').map((name) => ({
          NAME: name,
          'OWNER-KIND': 'ReplicaSet',
          OWNER: 'app-rs',
          CONTROLLER: 'true',
        })),
      );

      // jsonpath {.items[0]}: the API lists pods by name, as the table does.
      const deleted = before[0]?.['NAME'] ?? '';
      const deletion = demo.step(
        "kubectl delete pod $(kubectl get pods -l tier=app-rs -o jsonpath='{.items[0].metadata.name}')",
      );
      expect(deletion.stdout).toBe(`pod "${deleted}" deleted from default namespace\n`);
      expect(deletion.stderr).toBe('');

      const after = parseTable(demo.out('kubectl get pods -l tier=app-rs', 1));
      expect(after).toHaveLength(3);
      for (const row of after) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      const afterNames = column(after, 'NAME');
      expect(afterNames).not.toContain(deleted);
      const replacement = afterNames.filter((name) => !column(before, 'NAME').includes(name));
      expect(replacement).toHaveLength(1);

      const described = demo.out('kubectl describe rs app-rs');
      expect(described).toMatch(/^Replicas:\s+3 current \/ 3 desired$/m);
      expect(described).toMatch(/^Pods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed$/m);
      // controller_utils.go RealPodControl: one "Created pod" event per pod, from the replicaset-controller.
      const created = eventsIn(described).filter((event) => event.reason === 'SuccessfulCreate');
      expect(sorted(created.map((event) => event.message))).toEqual(
        sorted([...column(before, 'NAME'), ...replacement].map((name) => `Created pod: ${name}`)),
      );
      for (const event of created) expect(event.from).toBe('replicaset-controller');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-gc: pods name my-repset as controlling owner; Background, Foreground and Orphan deletion differ',
    () => {
      const demo = runDemo('S000-gc');
      expect(demo.all('kubectl apply -f my-repset.yaml').map((step) => step.stdout)).toEqual(
        Array(3).fill('replicaset.apps/my-repset created\n'),
      );

      const uid = demo.out("kubectl get rs my-repset -o jsonpath='{.metadata.uid}'");
      expect(uid).toMatch(UID);
      // metav1.NewControllerRef: controller and blockOwnerDeletion true; kubectl -o yaml sorts the keys.
      const ownerBlock = new RegExp(
        `^ {4}ownerReferences:\\n {4}- apiVersion: apps/v1\\n {6}blockOwnerDeletion: true\\n {6}controller: true\\n {6}kind: ReplicaSet\\n {6}name: my-repset\\n {6}uid: ${uid}$`,
        'gm',
      );
      const listed = demo.out('kubectl get pods --output=yaml');
      expect(listed).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Pod\n/);
      expect(listed.match(ownerBlock)).toHaveLength(3);

      const notFound = 'Error from server (NotFound): replicasets.apps "my-repset" not found\n';
      const deleted = 'replicaset.apps "my-repset" deleted from default namespace\n';
      const noPods = 'No resources found in default namespace.\n';

      // Background: the owner goes at once; its pods are deleted afterwards by the garbage collector.
      expect(demo.out('kubectl delete rs my-repset --cascade=background --wait=false')).toBe(deleted);
      expect(demo.step('kubectl get rs my-repset', 0).stderr).toBe(notFound);
      const orphaned = parseTable(demo.out('kubectl get pods -l pod-is-for=garbage-collection-example', 0));
      for (const row of orphaned) expect(row['STATUS']).toMatch(/^(Running|Terminating)$/);
      expect(demo.step('kubectl get pods -l pod-is-for=garbage-collection-example', 1).stderr).toBe(noPods);

      // Foreground: the owner stays, with a deletionTimestamp and the foregroundDeletion finalizer, until the
      // pods (blockOwnerDeletion) are gone — here in well under a second, as app:1.0.0 exits on SIGTERM.
      expect(demo.out('kubectl delete rs my-repset --cascade=foreground --wait=false')).toBe(deleted);
      expect(demo.out("kubectl get rs my-repset -o jsonpath='{.metadata.finalizers}'")).toBe('["foregroundDeletion"]');
      expect(demo.step('kubectl get rs my-repset', 1).stderr).toBe(notFound);
      expect(demo.step('kubectl get pods -l pod-is-for=garbage-collection-example', 2).stderr).toBe(noPods);

      // Orphan: the owner is deleted and its pods run on without ownerReferences.
      expect(demo.out('kubectl delete rs my-repset --cascade=orphan')).toBe(deleted);
      expect(demo.step('kubectl get rs my-repset', 2).stderr).toBe(notFound);
      const survivors = parseTable(
        demo.out(
          'kubectl get pods -l pod-is-for=garbage-collection-example -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,OWNER:.metadata.ownerReferences[0].name',
        ),
      );
      expect(survivors).toHaveLength(3);
      for (const row of survivors) {
        expect(row['NAME']).toMatch(new RegExp(`^my-repset-${SUFFIX}$`));
        expect([row['STATUS'], row['OWNER']]).toEqual(['Running', '<none>']);
      }
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-deploy: 3 replicas as in the seed, then two rollouts that each move one pod at a time',
    () => {
      const demo = runDemo('S000-deploy');
      expect(demo.out('kubectl apply -f app-deployment.yaml')).toBe('deployment.apps/app-deployment created\n');
      expect(demo.out('kubectl get deployment')).toMatch(
        /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\napp-deployment\s+3\/3\s+3\s+3\s+\d+s\n$/,
      );
      const firstRs = parseTable(demo.out('kubectl get ReplicaSet'));
      expect(firstRs).toHaveLength(1);
      const rsA = firstRs[0]?.['NAME'] ?? '';
      expect(rsA).toMatch(new RegExp(`^app-deployment-${HASH}$`));
      expect(firstRs[0]).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
      const pods = parseTable(demo.out('kubectl get pod', 0));
      expect(pods).toHaveLength(3);
      for (const row of pods) {
        expect(row['NAME']).toMatch(new RegExp(`^${rsA}-${SUFFIX}$`));
        expect([row['READY'], row['STATUS'], row['RESTARTS']]).toEqual(['1/1', 'Running', '0']);
      }

      // `--record` before the subcommand: cobra passes the resource after it on to `set image` as a positional
      // argument, so the Deployment is named twice and set_image.go patches and prints it twice (the resource
      // builder does not de-duplicate). pflag prints the deprecation once.
      const method1 = demo.step(
        'kubectl --record deployment.v1.apps/app-deployment set image deployment.v1.apps/app-deployment app=app:1.0.1',
      );
      expect(method1.exitCode).toBe(0);
      expect(method1.stdout).toBe('deployment.apps/app-deployment image updated\n'.repeat(2));
      expect(method1.stderr).toBe(RECORD_DEPRECATED);

      const firstRollout = demo.out('kubectl describe deployment app-deployment', 0);
      const rsB = capture(firstRollout, /^NewReplicaSet:\s+(\S+) \(3\/3 replicas created\)$/m);
      expect(rsB).toMatch(new RegExp(`^app-deployment-${HASH}$`));
      expect(rsB).not.toBe(rsA);
      expect(firstRollout).toMatch(new RegExp(`^OldReplicaSets:\\s+${rsA} \\(0/0 replicas created\\)$`, 'm'));
      expect(firstRollout).toMatch(/^Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable$/m);
      expect(firstRollout).toMatch(/^RollingUpdateStrategy:\s+25% max unavailable, 25% max surge$/m);
      // 1.31+ wording (PR 125118); 25%/25% of 3 is maxSurge 1, maxUnavailable 0: never more than 4 pods, never
      // fewer than 3 available. Seven events, so kubectl's sort (insertion sort below 13) keeps their order.
      expect(scalingEvents(firstRollout).map((event) => event.message)).toEqual([
        `Scaled up replica set ${rsA} from 0 to 3`,
        ...rollingSteps(rsA, rsB),
      ]);

      const method2 = demo.step('kubectl set image deployment/app-deployment app=app:1.0.2 --record');
      expect(method2.stdout).toBe('deployment.apps/app-deployment image updated\n');
      expect(method2.stderr).toBe(RECORD_DEPRECATED);

      const secondRollout = demo.out('kubectl describe deployment app-deployment', 1);
      const rsC = capture(secondRollout, /^NewReplicaSet:\s+(\S+) \(3\/3 replicas created\)$/m);
      expect([rsA, rsB]).not.toContain(rsC);
      // client-go's EventAggregator: from the 10th distinct message of one reason about one object within 10 minutes,
      // events are combined into one "(combined from similar events)" event that keeps the latest message.
      const events = scalingEvents(secondRollout);
      expect(events.map((event) => event.message)).toEqual([
        `Scaled up replica set ${rsA} from 0 to 3`,
        ...rollingSteps(rsA, rsB),
        `Scaled up replica set ${rsC} from 0 to 1`,
        `Scaled down replica set ${rsB} from 3 to 2`,
        `(combined from similar events): Scaled down replica set ${rsB} from 1 to 0`,
      ]);
      expect(events[9]?.age).toMatch(/ \(x4 over \d+s\)$/);

      const replicaSets = parseTable(demo.out('kubectl get rs'));
      expect(sorted(column(replicaSets, 'NAME'))).toEqual(sorted([rsA, rsB, rsC]));
      for (const row of replicaSets) {
        const want = row['NAME'] === rsC ? '3' : '0';
        expect([row['DESIRED'], row['CURRENT'], row['READY']]).toEqual([want, want, want]);
      }
      const finalPods = parseTable(demo.out('kubectl get pod', 1));
      expect(finalPods).toHaveLength(3);
      for (const row of finalPods) expect(row['NAME']).toMatch(new RegExp(`^${rsC}-${SUFFIX}$`));
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    "S000-history: the seed's four revisions and change-causes; undo and --to-revision=2 renumber revisions",
    () => {
      const demo = runDemo('S000-history');
      const history = 'kubectl rollout history deployment.v1.apps/app-deployment';
      // Revision 4 (the edit) records nothing new, so its ReplicaSet copies revision 3's change-cause from the
      // Deployment's annotations, exactly as in the seed.
      expect(demo.out(history, 0)).toBe(
        historyOutput('deployment.apps/app-deployment', [
          [1, '<none>'],
          [2, APP_CAUSE_1],
          [3, APP_CAUSE_2],
          [4, APP_CAUSE_2],
        ]),
      );

      const revision2 = demo.out('kubectl rollout history deployment.v1.apps/app-deployment --revision=2');
      expect(revision2).toMatch(/^deployment\.apps\/app-deployment with revision #2\nPod Template:\n/);
      expect(revision2).toMatch(new RegExp(`^\\s+Labels:\\s+app=app\\n\\s+pod-template-hash=${HASH}$`, 'm'));
      // describe.go printAnnotationsMultiline: key + value longer than 140 characters go on their own line.
      expect(revision2).toMatch(
        /^\s+Annotations:\s+kubernetes\.io\/change-cause:\n\s+kubectl deployment\.v1\.apps\/app-deployment set image deployment\.v1\.apps\/app-deployment app=app:1\.0\.1 --record=true$/m,
      );
      expect(revision2).toMatch(/^\s+Image:\s+app:1\.0\.1$/m);
      expect(revision2).toMatch(/^\s+Port:\s+8080\/TCP$/m);
      expect(revision2).toMatch(/^\s+Host Port:\s+0\/TCP$/m);

      // rollback.go: undo without --to-revision picks the second-highest revision (3); its ReplicaSet becomes 5.
      expect(demo.out('kubectl rollout undo deployment.v1.apps/app-deployment')).toBe(
        'deployment.apps/app-deployment rolled back\n',
      );
      expect(demo.out(history, 1)).toBe(
        historyOutput('deployment.apps/app-deployment', [
          [1, '<none>'],
          [2, APP_CAUSE_1],
          [4, APP_CAUSE_2],
          [5, APP_CAUSE_2],
        ]),
      );
      expect(
        demo.out("kubectl get deployment app-deployment -o jsonpath='{.spec.template.spec.containers[0].image}'"),
      ).toBe('app:1.0.2');

      expect(demo.out('kubectl rollout undo deployment.v1.apps/app-deployment --to-revision=2')).toBe(
        'deployment.apps/app-deployment rolled back\n',
      );
      expect(demo.out(history, 2)).toBe(
        historyOutput('deployment.apps/app-deployment', [
          [1, '<none>'],
          [4, APP_CAUSE_2],
          [5, APP_CAUSE_2],
          [6, APP_CAUSE_1],
        ]),
      );
      const pods = parseTable(
        demo.out(
          'kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase',
        ),
      );
      expect(pods).toHaveLength(3);
      for (const row of pods) expect([row['IMAGE'], row['STATUS']]).toEqual(['app:1.0.1', 'Running']);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-scale: scale follows the replica count; scaling a stuck rollout adds replicas in proportion (8+5 → 11+7)',
    () => {
      const demo = runDemo('S000-scale');
      expect(
        demo.all('kubectl scale deployment.v1.apps/app-deployment --replicas=10').map((step) => step.stdout),
      ).toEqual(['deployment.apps/app-deployment scaled\n']);
      expect(demo.out('kubectl get deployment app-deployment', 0)).toMatch(
        /^app-deployment\s+10\/10\s+10\s+10\s+\d+s$/m,
      );
      expect(
        demo.out(
          'kubectl patch deployment.v1.apps/app-deployment -p \'{"spec":{"strategy":{"rollingUpdate":{"maxSurge":3,"maxUnavailable":2}}}}\'',
        ),
      ).toBe('deployment.apps/app-deployment patched\n');

      const byImage = (stdout: string): Record<string, string[]> =>
        Object.fromEntries(
          parseTable(stdout).map((row) => [
            row['IMAGES'] ?? '',
            [row['DESIRED'] ?? '', row['CURRENT'] ?? '', row['READY'] ?? ''],
          ]),
        );
      // 10 replicas, maxSurge 3, maxUnavailable 2: new 3 and old 8, then new 5; the new pods never become ready, so
      // it stops there (k8s-behaviour §2.5).
      expect(byImage(demo.out('kubectl get rs -o wide', 0))).toEqual({
        'app:1.0.0': ['8', '8', '8'],
        'app:1.0.9': ['5', '5', '0'],
      });
      // sync.go scale: allowed 15+3 = 18 shared in proportion to each ReplicaSet's size over the old 13 → old 11,
      // new 7, as in the Kubernetes docs' "Proportional scaling" example.
      expect(demo.out('kubectl scale deployment.v1.apps/app-deployment --replicas=15')).toBe(
        'deployment.apps/app-deployment scaled\n',
      );
      expect(byImage(demo.out('kubectl get rs -o wide', 1))).toEqual({
        'app:1.0.0': ['11', '11', '11'],
        'app:1.0.9': ['7', '7', '0'],
      });
      expect(demo.out('kubectl get deployment app-deployment', 1)).toMatch(
        /^app-deployment\s+11\/15\s+7\s+11\s+\d+s$/m,
      );

      expect(demo.out('kubectl rollout undo deployment.v1.apps/app-deployment')).toBe(
        'deployment.apps/app-deployment rolled back\n',
      );
      expect(demo.out('kubectl scale deployment.v1.apps/app-deployment --replicas=3')).toBe(
        'deployment.apps/app-deployment scaled\n',
      );
      expect(demo.out('kubectl get deployment app-deployment', 2)).toMatch(/^app-deployment\s+3\/3\s+3\s+3\s+\d+s$/m);
      expect(byImage(demo.out('kubectl get rs -o wide', 2))).toEqual({
        'app:1.0.0': ['3', '3', '3'],
        'app:1.0.9': ['0', '0', '0'],
      });
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-pause: no new ReplicaSet while paused (Progressing Unknown DeploymentPaused); one rollout after resume',
    () => {
      const demo = runDemo('S000-pause');
      const before = parseTable(demo.out('kubectl get rs', 0));
      expect(before).toHaveLength(1);
      const rsA = before[0]?.['NAME'] ?? '';

      expect(demo.out('kubectl rollout pause deployment.v1.apps/app-deployment')).toBe(
        'deployment.apps/app-deployment paused\n',
      );
      expect(
        demo.out('kubectl set resources deployment.v1.apps/app-deployment -c=app --limits=cpu=200m,memory=512Mi'),
      ).toBe('deployment.apps/app-deployment resource requirements updated\n');
      expect(parseTable(demo.out('kubectl get rs', 1))).toEqual(
        before.map((row) => ({ ...row, AGE: expect.any(String) })),
      );
      expect(demo.out("kubectl get deployment app-deployment -o jsonpath='{.spec.paused}'")).toBe('true');

      // sync.go checkPausedConditions.
      const paused = demo.out('kubectl describe deployment app-deployment', 0);
      expect(paused).toMatch(/^\s+Available\s+True\s+MinimumReplicasAvailable$/m);
      expect(paused).toMatch(/^\s+Progressing\s+Unknown\s+DeploymentPaused$/m);
      expect(paused).toMatch(/^\s+Limits:\n\s+cpu:\s+200m\n\s+memory:\s+512Mi$/m);
      expect(scalingEvents(paused).map((event) => event.message)).toEqual([`Scaled up replica set ${rsA} from 0 to 3`]);

      // The seed prints "deployment.apps/nginx-deployment resumed", copied from the docs; the name is this one's.
      expect(demo.out('kubectl rollout resume deployment.v1.apps/app-deployment')).toBe(
        'deployment.apps/app-deployment resumed\n',
      );
      const after = parseTable(demo.out('kubectl get rs', 2));
      expect(after).toHaveLength(2);
      const rsB = column(after, 'NAME').find((name) => name !== rsA) ?? '';
      expect(rowFor(demo.out('kubectl get rs', 2), rsA)).toMatchObject({ DESIRED: '0', CURRENT: '0', READY: '0' });
      expect(rowFor(demo.out('kubectl get rs', 2), rsB)).toMatchObject({ DESIRED: '3', CURRENT: '3', READY: '3' });
      expect(
        demo.out(
          "kubectl get deployment app-deployment -o jsonpath='{.spec.template.spec.containers[0].resources.limits}'",
        ),
      ).toBe('{"cpu":"200m","memory":"512Mi"}');

      const resumed = demo.out('kubectl describe deployment app-deployment', 1);
      expect(resumed).toMatch(/^\s+Progressing\s+True\s+NewReplicaSetAvailable$/m);
      expect(scalingEvents(resumed).map((event) => event.message)).toEqual([
        `Scaled up replica set ${rsA} from 0 to 3`,
        ...rollingSteps(rsA, rsB),
      ]);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-deadline: a rollout stuck at one unready pod is reported ProgressDeadlineExceeded after 600 s',
    () => {
      const demo = runDemo('S000-deadline');
      // patch.go: an unchanged object prints "patched (no change)"; 600 is the default (apps/v1 defaults.go).
      expect(
        demo.out('kubectl patch deployment.v1.apps/app-deployment -p \'{"spec":{"progressDeadlineSeconds":600}}\''),
      ).toBe('deployment.apps/app-deployment patched (no change)\n');
      expect(demo.out('kubectl set image deployment.v1.apps/app-deployment app=app:1.0.9')).toBe(
        'deployment.apps/app-deployment image updated\n',
      );

      // rollout_status.go: a line per watch event while 1 of 3 pods is updated, then the timed-out condition.
      const status = demo.step('kubectl rollout status deployment.v1.apps/app-deployment');
      expect(status.exitCode).toBe(1);
      expect(status.stderr).toBe('error: deployment "app-deployment" exceeded its progress deadline\n');
      const waiting = status.stdout.split('\n').filter((line) => line !== '');
      expect(waiting.length).toBeGreaterThan(0);
      for (const line of waiting) {
        expect(line).toBe(
          'Waiting for deployment "app-deployment" rollout to finish: 1 out of 3 new replicas have been updated...',
        );
      }
      // progress.go: timed out once lastUpdateTime + 600 s has passed; requeueStuckDeployment rechecks 1 s after.
      const waited = demo.next(status).time - status.time;
      expect(waited).toBeGreaterThanOrEqual(595_000);
      expect(waited).toBeLessThanOrEqual(605_000);

      const described = demo.out('kubectl describe deployment app-deployment');
      expect(described).toMatch(/^Replicas:\s+3 desired \| 1 updated \| 4 total \| 3 available \| 1 unavailable$/m);
      expect(described).toMatch(
        /^Conditions:\n\s+Type\s+Status\s+Reason\n\s+----\s+------\s+------\n\s+Available\s+True\s+MinimumReplicasAvailable\n\s+Progressing\s+False\s+ProgressDeadlineExceeded$/m,
      );
      expect(demo.out('kubectl get deployment app-deployment')).toMatch(
        /^app-deployment\s+3\/3\s+1\s+3\s+\d+m(\d+s)?$/m,
      );
      expect(
        demo.out(
          'kubectl get deployment app-deployment -o jsonpath=\'{.status.conditions[?(@.type=="Progressing")].message}\'',
        ),
      ).toMatch(new RegExp(`^ReplicaSet "app-deployment-${HASH}" has timed out progressing\\.$`));

      const pods = parseTable(demo.out('kubectl get pods -l app=app'));
      expect(pods).toHaveLength(4);
      expect(pods.filter((row) => row['STATUS'] === 'Running' && row['READY'] === '1/1')).toHaveLength(3);
      const stuck = pods.filter((row) => row['STATUS'] !== 'Running');
      expect(stuck).toHaveLength(1);
      expect(stuck[0]?.['READY']).toBe('0/1');
      expect(stuck[0]?.['STATUS']).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-strategy: Recreate scales down before up; 50% rounds to surge 2 / unavailable 1; minReadySeconds; history limit 1',
    () => {
      const demo = runDemo('S000-strategy');

      // recreate.go: old ReplicaSets to 0, wait until no old pod runs, then the new one straight to 3.
      const recreate = demo.out('kubectl describe deployment app-recreate');
      expect(recreate).toMatch(/^StrategyType:\s+Recreate$/m);
      expect(recreate).not.toContain('RollingUpdateStrategy');
      const recreateNew = capture(recreate, /^NewReplicaSet:\s+(\S+) \(3\/3 replicas created\)$/m);
      const recreateOld = capture(recreate, /^OldReplicaSets:\s+(\S+) \(0\/0 replicas created\)$/m);
      expect(scalingEvents(recreate).map((event) => event.message)).toEqual([
        `Scaled up replica set ${recreateOld} from 0 to 3`,
        `Scaled down replica set ${recreateOld} from 3 to 0`,
        `Scaled up replica set ${recreateNew} from 0 to 3`,
      ]);

      // deployment_util.go ResolveFenceposts: maxSurge rounds up (1.5 → 2), maxUnavailable down (1.5 → 1). The
      // sync that creates the new ReplicaSet at 2 also scales the old one to 3 - 1 = 2; the next tops the new one
      // up to 3 (5 pods at most). The old one then shrinks as new pods become available.
      const rolling = demo.out('kubectl describe deployment app-rolling');
      expect(rolling).toMatch(/^RollingUpdateStrategy:\s+50% max unavailable, 50% max surge$/m);
      const rollingNew = capture(rolling, /^NewReplicaSet:\s+(\S+) \(3\/3 replicas created\)$/m);
      const rollingOld = capture(rolling, /^OldReplicaSets:\s+(\S+) \(0\/0 replicas created\)$/m);
      const messages = scalingEvents(rolling).map((event) => event.message);
      expect(messages.slice(0, 4)).toEqual([
        `Scaled up replica set ${rollingOld} from 0 to 3`,
        `Scaled up replica set ${rollingNew} from 0 to 2`,
        `Scaled down replica set ${rollingOld} from 3 to 2`,
        `Scaled up replica set ${rollingNew} from 2 to 3`,
      ]);
      const drain = messages.slice(4).map((message) => {
        const match = new RegExp(`^Scaled down replica set ${rollingOld} from (\\d) to (\\d)$`).exec(message);
        if (!match) throw new Error(`unexpected event: ${message}`);
        return [Number(match[1]), Number(match[2])] as const;
      });
      expect(drain.length).toBeGreaterThan(0);
      expect(drain[0]?.[0]).toBe(2);
      expect(drain[drain.length - 1]?.[1]).toBe(0);
      drain.forEach(([from, to], i) => {
        expect(to).toBeLessThan(from);
        if (i > 0) expect(from).toBe(drain[i - 1]?.[1]);
      });

      // pod/util.go IsPodAvailable: ready pods count as available only after minReadySeconds.
      expect(demo.out('kubectl get deployment app-minready', 0)).toMatch(/^app-minready\s+3\/3\s+3\s+0\s+\d+s$/m);
      expect(demo.out('kubectl get deployment app-minready', 1)).toMatch(/^app-minready\s+3\/3\s+3\s+3\s+\d+s$/m);

      // sync.go cleanupDeployment: once a rollout completes, old ReplicaSets beyond the limit are deleted.
      const historyRs = parseTable(demo.out('kubectl get rs -l app=app-history -o wide'));
      expect(
        Object.fromEntries(historyRs.map((row) => [row['IMAGES'], [row['DESIRED'], row['CURRENT'], row['READY']]])),
      ).toEqual({ 'app:1.0.2': ['0', '0', '0'], 'app:1.0.3': ['3', '3', '3'] });
      expect(demo.out('kubectl rollout history deployment/app-history')).toBe(
        historyOutput('deployment.apps/app-history', [
          [3, '<none>'],
          [4, '<none>'],
        ]),
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-sts: app-0, app-1, app-2 start one after another, resolve by name, and go in reverse order',
    () => {
      const demo = runDemo('S000-sts');
      expect(demo.out('kubectl apply -f app-sts.yaml')).toBe('service/app created\nstatefulset.apps/app created\n');

      // 1 s in: whatever has started, app-1 only exists once app-0 is Running and Ready, and so on.
      expect(expectOrderedStart(demo.out('kubectl get pods -l app=app', 0), 'app').length).toBeGreaterThan(0);

      const running = parseTable(demo.out('kubectl get pods -l app=app', 1));
      expect(column(running, 'NAME')).toEqual(['app-0', 'app-1', 'app-2']);
      for (const row of running) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      expect(demo.out('kubectl get statefulset app')).toMatch(/^NAME\s+READY\s+AGE\napp\s+3\/3\s+\d+s\n$/);
      expect(demo.out('kubectl get svc app')).toMatch(/^app\s+ClusterIP\s+None\s+<none>\s+8080\/TCP\s+\d+s$/m);

      const times = podTimes(
        demo.out(
          'kubectl get pods -l app=app -o custom-columns=\'NAME:.metadata.name,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime\'',
        ),
      );
      expectCreatedAfterReady(times, 'app-0', 'app-1');
      expectCreatedAfterReady(times, 'app-1', 'app-2');

      // Pod identity: hostname = pod name, subdomain = serviceName, so each pod has a DNS name in the headless Service.
      expect(demo.out('kubectl exec app-0 -- hostname')).toBe('app-0\n');
      const ip = demo.out("kubectl get pod app-2 -o jsonpath='{.status.podIP}'");
      expect(ip).toMatch(new RegExp(`^${IP}$`));
      expect(demo.out('kubectl exec app-0 -- nslookup app-2.app.default.svc.cluster.local')).toMatch(
        new RegExp(
          `^Name:\\s+app-2\\.app\\.default\\.svc\\.cluster\\.local\\nAddress:\\s+${ip.replace(/\./g, '\\.')}$`,
          'm',
        ),
      );

      expect(demo.out('kubectl scale statefulset app --replicas=0')).toBe('statefulset.apps/app scaled\n');
      expect(demo.step('kubectl get pods -l app=app', 2).stderr).toBe('No resources found in default namespace.\n');
      // stateful_pod_control.go recordPodEvent; scale-down deletes the highest ordinal first and waits for it to go.
      const events = eventsIn(demo.out('kubectl describe statefulset app'));
      for (const event of events) expect(event.from).toBe('statefulset-controller');
      expect(events.map((event) => `${event.reason}: ${event.message}`)).toEqual([
        'SuccessfulCreate: create Pod app-0 in StatefulSet app successful',
        'SuccessfulCreate: create Pod app-1 in StatefulSet app successful',
        'SuccessfulCreate: create Pod app-2 in StatefulSet app successful',
        'SuccessfulDelete: delete Pod app-2 in StatefulSet app successful',
        'SuccessfulDelete: delete Pod app-1 in StatefulSet app successful',
        'SuccessfulDelete: delete Pod app-0 in StatefulSet app successful',
      ]);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-sts-update: updates go from app-2 down; a partition holds lower ordinals; OnDelete waits; a broken pod must be deleted',
    () => {
      const demo = runDemo('S000-sts-update');
      const images =
        'kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image';
      const timed =
        'kubectl get pods -l app=app -o custom-columns=\'NAME:.metadata.name,IMAGE:.spec.containers[0].image,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime\'';
      const imageMap = (stdout: string): Record<string, string> =>
        Object.fromEntries(parseTable(stdout).map((row) => [row['NAME'] ?? '', row['IMAGE'] ?? '']));

      // RollingUpdate: one pod at a time, from the highest ordinal, each after its successor is Running and Ready.
      expect(demo.out('kubectl set image statefulset/app app=app:1.0.2')).toBe('statefulset.apps/app image updated\n');
      const status = demo.step('kubectl rollout status statefulset/app', 0);
      expect(status.exitCode).toBe(0);
      const lines = status.stdout.split('\n').filter((line) => line !== '');
      // rollout_status.go StatefulSetStatusViewer; a rollingUpdate block (partition 0) is defaulted by the apiserver.
      expect(lines[lines.length - 1]).toBe('partitioned roll out complete: 3 new pods have been updated...');
      for (const line of lines.slice(0, -1)) {
        expect(line).toMatch(
          /^(Waiting for statefulset spec update to be observed\.\.\.|Waiting for \d+ pods to be ready\.\.\.|Waiting for partitioned roll out to finish: \d out of 3 new pods have been updated\.\.\.)$/,
        );
      }
      const rolled = demo.out(timed, 0);
      expect(imageMap(rolled)).toEqual({ 'app-0': 'app:1.0.2', 'app-1': 'app:1.0.2', 'app-2': 'app:1.0.2' });
      expectCreatedAfterReady(podTimes(rolled), 'app-2', 'app-1');
      expectCreatedAfterReady(podTimes(rolled), 'app-1', 'app-0');

      // Partition 2: only app-2 moves; app-1, deleted, comes back at the current (old) revision.
      expect(
        demo.out(
          'kubectl patch statefulset app -p \'{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}\'',
        ),
      ).toBe('statefulset.apps/app patched\n');
      expect(demo.out('kubectl set image statefulset/app app=app:1.0.1')).toBe('statefulset.apps/app image updated\n');
      const partitioned = { 'app-0': 'app:1.0.2', 'app-1': 'app:1.0.2', 'app-2': 'app:1.0.1' };
      expect(imageMap(demo.out(images, 0))).toEqual(partitioned);
      expect(demo.out('kubectl delete pod app-1')).toBe('pod "app-1" deleted from default namespace\n');
      expect(imageMap(demo.out(images, 1))).toEqual(partitioned);
      expect(
        demo.out("kubectl get statefulset app -o jsonpath='{.status.updatedReplicas} {.status.currentReplicas}'"),
      ).toBe('1 2');

      expect(
        demo.out('kubectl patch statefulset app -p \'{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}\''),
      ).toBe('statefulset.apps/app patched\n');
      const unpartitioned = demo.out(timed, 1);
      expect(imageMap(unpartitioned)).toEqual({ 'app-0': 'app:1.0.1', 'app-1': 'app:1.0.1', 'app-2': 'app:1.0.1' });
      expectCreatedAfterReady(podTimes(unpartitioned), 'app-1', 'app-0');

      // OnDelete: nothing changes until a pod is deleted; rollout status refuses this strategy.
      expect(
        demo.out(
          'kubectl patch statefulset app -p \'{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}\'',
        ),
      ).toBe('statefulset.apps/app patched\n');
      expect(demo.out('kubectl set image statefulset/app app=app:1.0.0', 0)).toBe(
        'statefulset.apps/app image updated\n',
      );
      expect(imageMap(demo.out(images, 2))).toEqual({
        'app-0': 'app:1.0.1',
        'app-1': 'app:1.0.1',
        'app-2': 'app:1.0.1',
      });
      const onDelete = demo.step('kubectl rollout status statefulset/app', 1);
      expect(onDelete.exitCode).toBe(1);
      expect(onDelete.stderr).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
      expect(demo.out('kubectl delete pod app-0')).toBe('pod "app-0" deleted from default namespace\n');
      expect(imageMap(demo.out(images, 3))).toEqual({
        'app-0': 'app:1.0.0',
        'app-1': 'app:1.0.1',
        'app-2': 'app:1.0.1',
      });

      // Forced rollback (docs statefulset.md, k8s-behaviour §4.4).
      expect(
        demo.out('kubectl patch statefulset app -p \'{"spec":{"updateStrategy":{"type":"RollingUpdate"}}}\''),
      ).toBe('statefulset.apps/app patched\n');
      expect(demo.out('kubectl set image statefulset/app app=app:1.0.9')).toBe('statefulset.apps/app image updated\n');
      const broken = demo.out('kubectl get pods -l app=app', 0);
      expect(rowFor(broken, 'app-0')).toMatchObject({ READY: '1/1', STATUS: 'Running' });
      expect(rowFor(broken, 'app-1')).toMatchObject({ READY: '1/1', STATUS: 'Running' });
      expect(rowFor(broken, 'app-2')['READY']).toBe('0/1');
      // The seed's template has imagePullPolicy: Never, so the kubelet does not try to pull the missing tag.
      expect(rowFor(broken, 'app-2')['STATUS']).toBe('ErrImageNeverPull');

      expect(demo.out('kubectl set image statefulset/app app=app:1.0.0', 1)).toBe(
        'statefulset.apps/app image updated\n',
      );
      const phases =
        'kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase';
      expect(parseTable(demo.out(phases, 0))).toEqual([
        { NAME: 'app-0', IMAGE: 'app:1.0.0', STATUS: 'Running' },
        { NAME: 'app-1', IMAGE: 'app:1.0.0', STATUS: 'Running' },
        { NAME: 'app-2', IMAGE: 'app:1.0.9', STATUS: 'Pending' },
      ]);
      expect(demo.out('kubectl delete pod app-2')).toBe('pod "app-2" deleted from default namespace\n');
      expect(parseTable(demo.out(phases, 1))).toEqual([
        { NAME: 'app-0', IMAGE: 'app:1.0.0', STATUS: 'Running' },
        { NAME: 'app-1', IMAGE: 'app:1.0.0', STATUS: 'Running' },
        { NAME: 'app-2', IMAGE: 'app:1.0.0', STATUS: 'Running' },
      ]);
      for (const row of parseTable(demo.out('kubectl get pods -l app=app', 1))) {
        expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      }
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-ds: one fluentd pod per worker; master1 only with the control-plane toleration; nodeSelector follows labels',
    () => {
      const demo = runDemo('S000-ds');
      const pods = 'kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide';
      const ds = 'kubectl get ds fluentd-elasticsearch -n kube-system';
      const nodesOf = (stdout: string): string[] => sorted(column(livePods(stdout), 'NODE'));
      const dsRow = (stdout: string): string[] => {
        const row = rowFor(stdout, 'fluentd-elasticsearch');
        return ['DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR'].map(
          (name) => row[name] ?? '',
        );
      };

      expect(demo.all('kubectl apply -f fluentd-ds.yaml').map((step) => step.stdout)).toEqual([
        'daemonset.apps/fluentd-elasticsearch created\n',
        'daemonset.apps/fluentd-elasticsearch configured\n',
      ]);
      // kubeadm 1.25+ taints control-plane nodes with node-role.kubernetes.io/control-plane only.
      expect(demo.out('kubectl describe node master1')).toMatch(
        /^Taints:\s+node-role\.kubernetes\.io\/control-plane:NoSchedule$/m,
      );
      expect(demo.out(ds, 0)).toMatch(
        /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\n/,
      );
      expect(dsRow(demo.out(ds, 0))).toEqual(['3', '3', '3', '3', '3', '<none>']);
      expect(nodesOf(demo.out(pods, 0))).toEqual(['worker1', 'worker2', 'worker3']);

      expect(dsRow(demo.out(ds, 1))).toEqual(['4', '4', '4', '4', '4', '<none>']);
      const everywhere = parseTable(demo.out(pods, 1));
      expect(sorted(column(everywhere, 'NODE'))).toEqual(['master1', 'worker1', 'worker2', 'worker3']);
      for (const row of everywhere) {
        expect(row['NAME']).toMatch(new RegExp(`^fluentd-elasticsearch-${SUFFIX}$`));
        expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      }

      expect(
        demo.out(
          'kubectl patch daemonset fluentd-elasticsearch -n kube-system -p \'{"spec":{"template":{"spec":{"nodeSelector":{"logging":"fluentd"}}}}}\'',
        ),
      ).toBe('daemonset.apps/fluentd-elasticsearch patched\n');
      expect(dsRow(demo.out(ds, 2))[0]).toBe('0');
      expect(dsRow(demo.out(ds, 2))[5]).toBe('logging=fluentd');
      expect(demo.out('kubectl label node worker1 worker2 logging=fluentd')).toBe(
        'node/worker1 labeled\nnode/worker2 labeled\n',
      );
      expect(nodesOf(demo.out(pods, 2))).toEqual(['worker1', 'worker2']);
      expect(demo.out('kubectl label node worker1 logging-')).toBe('node/worker1 unlabeled\n');
      expect(dsRow(demo.out(ds, 3))).toEqual(['1', '1', '1', '1', '1', 'logging=fluentd']);
      expect(nodesOf(demo.out(pods, 3))).toEqual(['worker2']);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-job: pi completes in one pod whose log is pi to 100 places; with a TTL the Job is gone 100 s after finishing',
    () => {
      const demo = runDemo('S000-job');
      expect(demo.out('kubectl apply -f pi-job.yaml')).toBe('job.batch/pi created\n');
      // 1.30+ adds STATUS (PR 123226).
      expect(demo.out('kubectl get job pi', 0)).toMatch(
        /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\npi\s+Complete\s+1\/1\s+\d+s\s+\d+s\n$/,
      );
      const pods = parseTable(demo.out('kubectl get pods -l job-name=pi', 0));
      expect(pods).toHaveLength(1);
      expect(pods[0]?.['NAME']).toMatch(new RegExp(`^pi-${SUFFIX}$`));
      expect(pods[0]).toMatchObject({ READY: '0/1', STATUS: 'Completed', RESTARTS: '0' });
      // 1.31+: SuccessCriteriaMet first, Complete once no pod is terminating (k8s-behaviour §6.4).
      expect(demo.out("kubectl get job pi -o jsonpath='{.status.conditions[*].type}'")).toBe(
        'SuccessCriteriaMet Complete',
      );
      // GNU bc breaks lines at BC_LINE_LENGTH 70 with a backslash.
      expect(
        demo.out(
          "kubectl logs $(kubectl get pods --selector=job-name=pi --output=jsonpath='{.items[*].metadata.name}')",
        ),
      ).toBe(
        '3.141592653589793238462643383279502884197169399375105820974944592307\\\n8164062862089986280348253421170676\n',
      );

      const described = demo.out('kubectl describe job pi');
      expect(described).toMatch(/^Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed$/m);
      const events = eventsIn(described);
      expect(events.map((event) => [event.reason, event.from, event.message])).toEqual([
        ['SuccessfulCreate', 'job-controller', `Created pod: ${pods[0]?.['NAME'] ?? ''}`],
        ['Completed', 'job-controller', 'Job completed'],
      ]);

      expect(demo.out('kubectl delete job pi')).toBe('job.batch "pi" deleted from default namespace\n');
      expect(demo.out('kubectl apply -f pi-job-ttl.yaml')).toBe('job.batch/pi created\n');
      expect(demo.out('kubectl get job pi', 1)).toMatch(/^pi\s+Complete\s+1\/1\s+\d+s\s+\d+s$/m);
      // ttlafterfinished: deleted (with its pod, foreground) once finish time + 100 s has passed.
      const gone = demo.step('kubectl get job pi', 2);
      expect(gone.exitCode).toBe(1);
      expect(gone.stderr).toBe('Error from server (NotFound): jobs.batch "pi" not found\n');
      expect(demo.step('kubectl get pods -l job-name=pi', 1).stderr).toBe('No resources found in default namespace.\n');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S000-cron: batch/v1beta1 is rejected; hello runs a Job every minute, keeps 3, and logs the date and greeting',
    () => {
      const demo = runDemo('S000-cron');
      const rejected = demo.step('kubectl apply -f cronjob.yaml', 0);
      expect(rejected.exitCode).toBe(1);
      expect(rejected.stderr).toBe(
        'error: resource mapping not found for name: "hello" namespace: "" from "cronjob.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n',
      );
      expect(rejected.hints.join('\n')).toMatch(/batch\/v1/);
      expect(demo.out('kubectl apply -f cronjob.yaml', 1)).toBe('cronjob.batch/hello created\n');

      // cronjob_controllerv2.go getJobName: <cronjob>-<scheduled time in minutes since the epoch>.
      const first = parseTable(demo.out('kubectl get jobs', 0));
      expect(first).toEqual([
        {
          NAME: 'hello-29460061',
          STATUS: 'Complete',
          COMPLETIONS: '1/1',
          DURATION: expect.stringMatching(/^\d+s$/),
          AGE: expect.stringMatching(/^\d+s$/),
        },
      ]);
      expect(demo.out('kubectl logs job/hello-29460061')).toMatch(
        /^Mon Jan {2}5 09:01:0\d UTC 2026\nHello from the Kubernetes cluster\n$/,
      );

      // 5 m 40 s in: runs at 09:01…09:05; successfulJobsHistoryLimit 3 keeps the last three.
      expect(demo.out('kubectl get cronjob hello')).toBe(
        'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
          'hello   */1 * * * *   <none>     False     0        40s             5m40s\n',
      );
      const jobs = parseTable(demo.out('kubectl get jobs', 1));
      expect(column(jobs, 'NAME')).toEqual(['hello-29460063', 'hello-29460064', 'hello-29460065']);
      for (const row of jobs) expect([row['STATUS'], row['COMPLETIONS']]).toEqual(['Complete', '1/1']);
      const pods = parseTable(demo.out('kubectl get pods'));
      expect(pods).toHaveLength(3);
      pods.forEach((row, i) => {
        expect(row['NAME']).toMatch(new RegExp(`^hello-2946006${3 + i}-${SUFFIX}$`));
        expect([row['READY'], row['STATUS']]).toEqual(['0/1', 'Completed']);
      });

      const described = demo.out('kubectl describe cronjob hello');
      const created = messagesOf(described, 'SuccessfulCreate');
      expect(created).toEqual([61, 62, 63, 64, 65].map((minute) => `Created job hello-294600${minute}`));
      expect(messagesOf(described, 'SawCompletedJob')).toContain(
        'Saw completed job: hello-29460061, condition: Complete',
      );
      expect(sorted(messagesOf(described, 'SuccessfulDelete'))).toEqual([
        'Deleted job hello-29460061',
        'Deleted job hello-29460062',
      ]);
      for (const event of eventsIn(described)) expect(event.from).toBe('cronjob-controller');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S001-chain: the Deployment owns its ReplicaSet, which owns the pods',
    () => {
      const demo = runDemo('S001-chain');
      expect(demo.out('kubectl apply -f nginx-deployment.yaml')).toBe('deployment.apps/nginx-deployment created\n');
      const [deployments = [], replicaSets = [], pods = []] = parseSections(
        demo.out('kubectl get deployments,replicasets,pods'),
      );
      expect(deployments).toEqual([
        {
          NAME: 'deployment.apps/nginx-deployment',
          READY: '2/2',
          'UP-TO-DATE': '2',
          AVAILABLE: '2',
          AGE: expect.any(String),
        },
      ]);
      expect(replicaSets).toHaveLength(1);
      const rs = (replicaSets[0]?.['NAME'] ?? '').replace('replicaset.apps/', '');
      expect(rs).toMatch(new RegExp(`^nginx-deployment-${HASH}$`));
      expect(pods).toHaveLength(2);
      for (const row of pods) expect(row['NAME']).toMatch(new RegExp(`^pod/${rs}-${SUFFIX}$`));

      const ownerColumns =
        '-o custom-columns=NAME:.metadata.name,OWNER-KIND:.metadata.ownerReferences[0].kind,OWNER:.metadata.ownerReferences[0].name,CONTROLLER:.metadata.ownerReferences[0].controller';
      expect(parseTable(demo.out(`kubectl get replicasets -l app=nginx ${ownerColumns}`))).toEqual([
        { NAME: rs, 'OWNER-KIND': 'Deployment', OWNER: 'nginx-deployment', CONTROLLER: 'true' },
      ]);
      const podOwners = parseTable(demo.out(`kubectl get pods -l app=nginx ${ownerColumns}`));
      expect(podOwners).toHaveLength(2);
      for (const row of podOwners)
        expect(row).toMatchObject({ 'OWNER-KIND': 'ReplicaSet', OWNER: rs, CONTROLLER: 'true' });
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S001-ds-taint: NetworkUnavailable taints worker3; ordinary pods avoid it, the tolerating DaemonSet runs there',
    () => {
      const demo = runDemo('S001-ds-taint');
      expect(
        demo.out(
          'kubectl patch node worker3 --subresource=status -p \'{"status":{"conditions":[{"type":"NetworkUnavailable","status":"True","reason":"NoRouteCreated","message":"Node created without a route"}]}}\'',
        ),
      ).toBe('node/worker3 patched\n');
      // nodelifecycle doNoScheduleTaintingPass maps NetworkUnavailable=True to this NoSchedule taint.
      expect(demo.out('kubectl describe node worker3')).toMatch(
        /^Taints:\s+node\.kubernetes\.io\/network-unavailable:NoSchedule$/m,
      );
      expect(demo.out('kubectl apply -f web.yaml')).toBe('deployment.apps/web created\n');
      expect(demo.out('kubectl apply -f network-plugin-agent.yaml')).toBe(
        'daemonset.apps/network-plugin-agent created\n',
      );

      const web = parseTable(demo.out('kubectl get pods -l app=web -o wide'));
      expect(web).toHaveLength(4);
      for (const row of web) {
        expect(row['STATUS']).toBe('Running');
        expect(['worker1', 'worker2']).toContain(row['NODE']);
      }
      // master1 keeps its control-plane taint, which the agent does not tolerate.
      const agents = parseTable(demo.out('kubectl get pods -l name=network-plugin-agent -o wide'));
      expect(sorted(column(agents, 'NODE'))).toEqual(['worker1', 'worker2', 'worker3']);
      for (const row of agents) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      expect(demo.out('kubectl get ds network-plugin-agent')).toMatch(
        /^network-plugin-agent\s+3\s+3\s+3\s+3\s+3\s+<none>\s+\d+s$/m,
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S001-svc: the Service name resolves to its VIP, the headless name to the pod IPs; both reach the pods',
    () => {
      const demo = runDemo('S001-svc');
      expect(demo.out('kubectl create deployment hello --image=gcr.io/google-samples/hello-app:1.0 --replicas=3')).toBe(
        'deployment.apps/hello created\n',
      );
      expect(demo.out('kubectl expose deployment hello --port=80 --target-port=8080')).toBe('service/hello exposed\n');
      expect(demo.out('cat <<EOF | kubectl apply -f -')).toBe('service/hello-headless created\n');
      expect(demo.out('kubectl run client --image=busybox:1.28 -- sleep 3600')).toBe('pod/client created\n');

      const vip = demo.out("kubectl get svc hello -o jsonpath='{.spec.clusterIP}'");
      // The Service CIDR is 10.96.0.0/12.
      expect(vip).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d{1,3}\.\d{1,3}$/);
      const services = demo.out('kubectl get svc hello hello-headless');
      expect(rowFor(services, 'hello')).toMatchObject({
        TYPE: 'ClusterIP',
        'CLUSTER-IP': vip,
        'EXTERNAL-IP': '<none>',
        'PORT(S)': '80/TCP',
      });
      expect(rowFor(services, 'hello-headless')).toMatchObject({
        TYPE: 'ClusterIP',
        'CLUSTER-IP': 'None',
        'PORT(S)': '8080/TCP',
      });

      const podIps = demo.out("kubectl get pods -l app=hello -o jsonpath='{.items[*].status.podIP}'").split(' ');
      const podNames = demo.out("kubectl get pods -l app=hello -o jsonpath='{.items[*].metadata.name}'").split(' ');
      expect(podIps).toHaveLength(3);

      // busybox 1.28 nslookup: the server, then each address with its reverse name.
      const service = demo.out('kubectl exec client -- nslookup hello');
      expect(service).toMatch(
        /^Server:\s+10\.96\.0\.10\nAddress 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local\n\n/,
      );
      expect(service).toMatch(
        new RegExp(
          `^Name:\\s+hello\\nAddress 1: ${vip.replace(/\./g, '\\.')} hello\\.default\\.svc\\.cluster\\.local$`,
          'm',
        ),
      );
      // Headless: one A record per ready pod; CoreDNS names them after the dashed IP.
      const headless = demo.out('kubectl exec client -- nslookup hello-headless');
      const answers = [...headless.matchAll(/^Address \d+: (\S+) (\S+)$/gm)].slice(1);
      expect(sorted(answers.map((match) => match[1] ?? ''))).toEqual(sorted(podIps));
      for (const match of answers) {
        expect(match[2]).toBe(`${(match[1] ?? '').replace(/\./g, '-')}.hello-headless.default.svc.cluster.local`);
      }

      const answer = new RegExp(`^Hello, world!\\nVersion: 1\\.0\\.0\\nHostname: (hello-${HASH}-${SUFFIX})\\n$`);
      const fromPod = demo.out('kubectl exec client -- wget -qO- http://hello');
      expect(fromPod).toMatch(answer);
      expect(podNames).toContain(hostnamesIn(fromPod)[0]);
      const fromNode = demo.out("curl -s $(kubectl get svc hello -o jsonpath='{.spec.clusterIP}')");
      expect(fromNode).toMatch(answer);
      expect(podNames).toContain(hostnamesIn(fromNode)[0]);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-endpoints: one endpoint, then two after scaling, while the Service keeps its IP',
    () => {
      const demo = runDemo('S002-endpoints');
      expect(demo.out('kubectl create deployment demo --image quay.io/junkai/demo:1.0')).toBe(
        'deployment.apps/demo created\n',
      );
      expect(namesIn(demo.out('kubectl get svc', 0))).toEqual(['kubernetes']);
      expect(rowFor(demo.out('kubectl get svc', 0), 'kubernetes')).toMatchObject({
        TYPE: 'ClusterIP',
        'CLUSTER-IP': '10.96.0.1',
        'EXTERNAL-IP': '<none>',
        'PORT(S)': '443/TCP',
      });
      expect(demo.out('kubectl expose deploy/demo --port=8080')).toBe('service/demo exposed\n');
      const service = rowFor(demo.out('kubectl get svc', 1), 'demo');
      expect(service).toMatchObject({ TYPE: 'ClusterIP', 'EXTERNAL-IP': '<none>', 'PORT(S)': '8080/TCP' });
      expect(service['CLUSTER-IP']).toMatch(new RegExp(`^${IP}$`));

      const one = demo.step('kubectl get endpoints/demo');
      expect(one.stderr).toBe(ENDPOINTS_DEPRECATED);
      expect(one.stdout).toMatch(new RegExp(`^NAME\\s+ENDPOINTS\\s+AGE\\ndemo\\s+${IP}:8080\\s+\\d+s\\n$`));

      expect(demo.out('kubectl scale --replicas=2 deploy/demo')).toBe('deployment.apps/demo scaled\n');
      expect(rowFor(demo.out('kubectl get svc', 2), 'demo')['CLUSTER-IP']).toBe(service['CLUSTER-IP']);
      const podIps = demo.out("kubectl get pods -l app=demo -o jsonpath='{.items[*].status.podIP}'").split(' ');
      expect(podIps).toHaveLength(2);
      const two = demo.step('kubectl get ep/demo');
      expect(two.stderr).toBe(ENDPOINTS_DEPRECATED);
      // endpoints.RepackSubsets sorts addresses by IP as strings.
      expect(rowFor(two.stdout, 'demo')['ENDPOINTS']).toBe(
        sorted(podIps)
          .map((ip) => `${ip}:8080`)
          .join(','),
      );
      expect(podIps.map((ip) => `${ip}:8080`)).toContain(rowFor(one.stdout, 'demo')['ENDPOINTS']);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-prestop-deployment: a deleted pod stays Terminating through its 20 s preStop and gets no new requests',
    () => {
      const demo = runDemo('S002-prestop-deployment');
      const pods = 'kubectl get pods -l app=prestop -o wide';
      const curl =
        "ip=$(kubectl get svc prestop -o jsonpath='{.spec.clusterIP}'); for i in 1 2 3 4 5 6 7 8 9 10; do curl -s $ip:8080; done";
      expect(demo.out('kubectl apply -f prestop.yaml')).toBe('deployment.apps/prestop created\n');
      expect(demo.out('kubectl expose deploy/prestop --port=8080')).toBe('service/prestop exposed\n');
      expect(demo.out('kubectl scale --replicas=2 deploy/prestop')).toBe('deployment.apps/prestop scaled\n');

      const before = parseTable(demo.out(pods, 0));
      expect(before).toHaveLength(2);
      for (const row of before) {
        expect(row['NAME']).toMatch(new RegExp(`^prestop-${HASH}-${SUFFIX}$`));
        expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      }
      const [deleted = '', survivor = ''] = column(before, 'NAME');
      const ipOf = (name: string): string => before.find((row) => row['NAME'] === name)?.['IP'] ?? '';
      expect(demo.out('kubectl exec deploy/prestop -- cat /usr/share/message')).toBe(
        'Hello from the postStart handler\n',
      );
      expect(rowFor(demo.out('kubectl get svc prestop'), 'prestop')['PORT(S)']).toBe('8080/TCP');

      // kube-proxy picks an endpoint at random per connection: 10 requests miss one of 2 pods with probability 2^-9.
      const spread = demo.out(curl, 0);
      expect(spread.match(/^Hello, world!\nVersion: 1\.0\.0\n/gm) ?? []).toHaveLength(10);
      expect(sorted([...new Set(hostnamesIn(spread))])).toEqual(sorted([deleted, survivor]));

      expect(
        demo.out(
          "kubectl delete pod $(kubectl get pods -l app=prestop -o jsonpath='{.items[0].metadata.name}') --wait=false",
        ),
      ).toBe(`pod "${deleted}" deleted from default namespace\n`);

      // 1 s later: Terminating (preStop `sleep 20` runs) and already out of the Endpoints, so no request reaches it;
      // the ReplicaSet has created a replacement.
      const early = demo.out(pods, 1);
      expect(rowFor(early, deleted)['STATUS']).toBe('Terminating');
      expect(rowFor(early, survivor)).toMatchObject({ READY: '1/1', STATUS: 'Running' });
      const starting = namesIn(early).filter((name) => name !== deleted && name !== survivor);
      expect(starting).toHaveLength(1);
      const replacement = starting[0] ?? '';
      expect(replacement).toMatch(new RegExp(`^prestop-${HASH}-${SUFFIX}$`));
      const endpoints = demo.step('kubectl get endpoints prestop', 0);
      expect(endpoints.stderr).toBe(ENDPOINTS_DEPRECATED);
      const served = (rowFor(endpoints.stdout, 'prestop')['ENDPOINTS'] ?? '').split(',');
      expect(served).toContain(`${ipOf(survivor)}:8080`);
      expect(served).not.toContain(`${ipOf(deleted)}:8080`);
      const duringStop = hostnamesIn(demo.out(curl, 1));
      expect(duringStop).toHaveLength(10);
      for (const host of duringStop) expect([survivor, replacement]).toContain(host);

      // 11 s: still Terminating; the replacement serves alongside the survivor.
      const later = demo.out(pods, 2);
      expect(rowFor(later, deleted)['STATUS']).toBe('Terminating');
      expect(rowFor(later, replacement)).toMatchObject({ READY: '1/1', STATUS: 'Running' });
      const replacementIp = rowFor(later, replacement)['IP'] ?? '';
      expect(rowFor(demo.out('kubectl get endpoints prestop', 1), 'prestop')['ENDPOINTS']).toBe(
        sorted([ipOf(survivor), replacementIp])
          .map((ip) => `${ip}:8080`)
          .join(','),
      );
      expect(sorted([...new Set(hostnamesIn(demo.out(curl, 2)))])).toEqual(sorted([survivor, replacement]));

      // 26 s: preStop ended at 20 s, SIGTERM stopped the server, the pod is gone.
      const end = parseTable(demo.out(pods, 3));
      expect(sorted(column(end, 'NAME'))).toEqual(sorted([survivor, replacement]));
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S002-init-wait: Init:0/2 while the init containers wait for myservice and mydb; Running once both exist',
    () => {
      const demo = runDemo('S002-init-wait');
      expect(demo.out('cat <<EOF | kubectl apply -f -', 0)).toBe('pod/myapp-pod created\n');
      expect(demo.out('kubectl get pod myapp-pod')).toMatch(/^myapp-pod\s+0\/1\s+Init:0\/2\s+0\s+\d+s$/m);
      // The init container reads its namespace from the service account volume: default.
      const waiting = demo.out('kubectl logs myapp-pod -c init-myservice');
      expect(waiting).toMatch(
        /^Server:\s+10\.96\.0\.10\nAddress 1: 10\.96\.0\.10 kube-dns\.kube-system\.svc\.cluster\.local$/m,
      );
      expect(waiting).toMatch(/^waiting for myservice$/m);
      expect(waiting).toMatch(/^nslookup: can't resolve 'myservice\.default\.svc\.cluster\.local'$/m);

      expect(demo.out('cat <<EOF | kubectl apply -f -', 1)).toBe('service/myservice created\nservice/mydb created\n');
      expect(demo.out('kubectl get pod')).toMatch(/^myapp-pod\s+1\/1\s+Running\s+0\s+\d+s$/m);
      const mydb = demo.out("kubectl get svc mydb -o jsonpath='{.spec.clusterIP}'");
      expect(mydb).toMatch(new RegExp(`^${IP}$`));
      expect(demo.out('kubectl logs myapp-pod -c init-mydb')).toMatch(
        new RegExp(
          `^Name:\\s+mydb\\.default\\.svc\\.cluster\\.local\\nAddress 1: ${mydb.replace(/\./g, '\\.')} mydb\\.default\\.svc\\.cluster\\.local$`,
          'm',
        ),
      );
      const app = demo.step('kubectl logs myapp-pod');
      expect(app.stdout).toBe('The app is running!\n');
      expect(app.stderr).toBe(
        'Defaulted container "myapp-container" out of: myapp-container, init-myservice (init), init-mydb (init)\n',
      );

      const described = demo.out('kubectl describe pod myapp-pod');
      expect(described).toMatch(/^\s+Initialized\s+True\s*$/m);
      expect(described.match(/^\s+State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0$/gm)).toHaveLength(2);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-deploy-basics: replacement under a new name; 6 then 2 replicas (the newest go); v2, then back to revision 1',
    () => {
      const demo = runDemo('S003-deploy-basics');
      const vipCurl = "curl $(kubectl get svc demo -o jsonpath='{.spec.clusterIP}')";
      const hostnameCurl = `${vipCurl}/hostname.html`;
      expect(demo.out('kubectl create deployment demo --image=myapp:v1 --replicas=2')).toBe(
        'deployment.apps/demo created\n',
      );
      const first = parseTable(demo.out('kubectl get pod -o wide', 0));
      expect(first).toHaveLength(2);
      for (const row of first) {
        expect(row['NAME']).toMatch(new RegExp(`^demo-${HASH}-${SUFFIX}$`));
        expect(row['STATUS']).toBe('Running');
        expect(row['IP']).toMatch(new RegExp(`^${IP}$`));
      }
      expect(demo.out("curl $(kubectl get pods -l app=demo -o jsonpath='{.items[0].status.podIP}')")).toBe(MYAPP_V1);
      const rsV1 = (first[0]?.['NAME'] ?? '').replace(new RegExp(`-${SUFFIX}$`), '');
      for (const row of parseTable(demo.out('kubectl get pod --show-labels', 0))) {
        expect(row['LABELS']).toBe(`app=demo,pod-template-hash=${rsV1.replace('demo-', '')}`);
      }

      const deleted = first[0]?.['NAME'] ?? '';
      // myapp is nginx, which exits at once on SIGTERM: kubectl's wait for the deletion ends quietly.
      const deletion = demo.step(
        "kubectl delete pod $(kubectl get pods -l app=demo -o jsonpath='{.items[0].metadata.name}')",
      );
      expect(deletion.stdout).toBe(`pod "${deleted}" deleted from default namespace\n`);
      expect(deletion.stderr).toBe('');
      const replaced = parseTable(demo.out('kubectl get pod --show-labels', 1));
      const oldPods = column(replaced, 'NAME');
      expect(oldPods).toHaveLength(2);
      expect(oldPods).not.toContain(deleted);
      expect(oldPods).toContain(first[1]?.['NAME']);
      for (const name of oldPods) expect(name.startsWith(`${rsV1}-`)).toBe(true);

      expect(demo.out('kubectl expose deployment demo --port=80 --target-port=80')).toBe('service/demo exposed\n');
      const [allPods = [], allServices = [], allDeployments = [], allReplicaSets = []] = parseSections(
        demo.out('kubectl get all', 0),
      );
      expect(sorted(column(allPods, 'NAME'))).toEqual(sorted(oldPods.map((name) => `pod/${name}`)));
      expect(sorted(column(allServices, 'NAME'))).toEqual(['service/demo', 'service/kubernetes']);
      expect(allDeployments).toEqual([
        { NAME: 'deployment.apps/demo', READY: '2/2', 'UP-TO-DATE': '2', AVAILABLE: '2', AGE: expect.any(String) },
      ]);
      expect(allReplicaSets).toEqual([
        { NAME: `replicaset.apps/${rsV1}`, DESIRED: '2', CURRENT: '2', READY: '2', AGE: expect.any(String) },
      ]);
      expect(oldPods.map((name) => `${name}\n`)).toContain(demo.out(hostnameCurl, 0));
      const service = demo.out('kubectl describe svc demo', 0);
      expect(service).toMatch(/^Type:\s+ClusterIP$/m);
      expect(service).toMatch(/^TargetPort:\s+80\/TCP$/m);
      expect(service).toMatch(new RegExp(`^Endpoints:\\s+${IP}:80,${IP}:80$`, 'm'));

      expect(demo.out('kubectl scale deployment demo --replicas=6')).toBe('deployment.apps/demo scaled\n');
      const six = parseTable(demo.out('kubectl get pod'));
      expect(six).toHaveLength(6);
      for (const row of six) expect(row['STATUS']).toBe('Running');
      const newest = column(six, 'NAME').filter((name) => !oldPods.includes(name));
      expect(newest).toHaveLength(4);
      expect(demo.out('kubectl describe svc demo', 1)).toMatch(
        new RegExp(`^Endpoints:\\s+${IP}:80,${IP}:80,${IP}:80 \\+ 3 more\\.\\.\\.$`, 'm'),
      );
      expect(column(six, 'NAME').map((name) => `${name}\n`)).toContain(demo.out(hostnameCurl, 1));

      // controller_utils.go ActivePodsWithRanks: with 2 pods per node the ranks tie, and the pods Ready most recently
      // (in log2 buckets: ~12 s against ~60 s) are deleted first.
      expect(demo.out('kubectl scale deployment demo --replicas=2')).toBe('deployment.apps/demo scaled\n');
      const two = livePods(demo.out('kubectl get pod -o wide', 1));
      expect(two).toHaveLength(2);
      for (const name of column(two, 'NAME')) {
        expect(oldPods).toContain(name);
        expect(newest).not.toContain(name);
      }

      expect(demo.out('kubectl set image deployment demo myapp=myapp:v2')).toBe('deployment.apps/demo image updated\n');
      const v2 = livePods(demo.out('kubectl get pod -o wide', 2));
      expect(v2).toHaveLength(2);
      const rsV2 = (v2[0]?.['NAME'] ?? '').replace(new RegExp(`-${SUFFIX}$`), '');
      expect(rsV2).not.toBe(rsV1);
      for (const row of v2) expect(row['NAME']?.startsWith(`${rsV2}-`)).toBe(true);
      expect(demo.out(vipCurl, 0)).toBe(MYAPP_V2);
      const replicaSets = parseSections(demo.out('kubectl get all', 1))[3] ?? [];
      expect(
        sorted(replicaSets.map((row) => `${row['NAME']} ${row['DESIRED']} ${row['CURRENT']} ${row['READY']}`)),
      ).toEqual(sorted([`replicaset.apps/${rsV1} 0 0 0`, `replicaset.apps/${rsV2} 2 2 2`]));

      expect(demo.out('kubectl rollout history deployment demo')).toBe(
        historyOutput('deployment.apps/demo', [
          [1, '<none>'],
          [2, '<none>'],
        ]),
      );
      expect(demo.out('kubectl rollout undo deployment demo --to-revision=1')).toBe(
        'deployment.apps/demo rolled back\n',
      );
      expect(demo.out(vipCurl, 1)).toBe(MYAPP_V1);
      const back = parseTable(demo.out('kubectl get rs'));
      expect(rowFor(demo.out('kubectl get rs'), rsV1)).toMatchObject({ DESIRED: '2', CURRENT: '2', READY: '2' });
      expect(rowFor(demo.out('kubectl get rs'), rsV2)).toMatchObject({ DESIRED: '0', CURRENT: '0', READY: '0' });
      expect(back).toHaveLength(2);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    "S003-rollout-status: the en-dash –record is rejected; rollout status prints the seed's lines until rolled out",
    () => {
      const demo = runDemo('S003-rollout-status');
      expect(demo.out('kubectl create -f nginx-deploy.yaml')).toBe('deployment.apps/nginx created\n');
      expect(demo.out('kubectl get deploy -owide')).toMatch(
        /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\nnginx\s+2\/2\s+2\s+2\s+\d+s\s+nginx\s+nginx:1\.15\.2\s+app=nginx\n$/,
      );
      expect(demo.out('kubectl rollout status deploy nginx', 0)).toBe('deployment "nginx" successfully rolled out\n');

      // cmdutil.GetResourcesAndPairs: "–record" has no "=", so it is a resource after the image pairs.
      const enDash = demo.step('kubectl set image deploy nginx nginx=nginx:1.15.3 –record');
      expect(enDash.exitCode).toBe(1);
      expect(enDash.stdout).toBe('');
      expect(enDash.stderr).toBe('error: all resources must be specified before image changes: –record\n');
      const fixed = demo.step('kubectl set image deploy nginx nginx=nginx:1.15.3 --record');
      expect(fixed.stdout).toBe('deployment.apps/nginx image updated\n');
      expect(fixed.stderr).toBe(RECORD_DEPRECATED);

      // rollout_status.go prints a line per watch event; collapsed, they are the seed's three.
      const status = demo.step('kubectl rollout status deploy nginx', 1);
      expect(status.exitCode).toBe(0);
      const distinct = status.stdout.split('\n').filter((line, i, all) => line !== '' && line !== all[i - 1]);
      expect(distinct).toEqual([
        'Waiting for deployment "nginx" rollout to finish: 1 out of 2 new replicas have been updated...',
        'Waiting for deployment "nginx" rollout to finish: 1 old replicas are pending termination...',
        'deployment "nginx" successfully rolled out',
      ]);

      const described = demo.out('kubectl describe deploy nginx');
      const rsNew = capture(described, /^NewReplicaSet:\s+(\S+) \(2\/2 replicas created\)$/m);
      const rsOld = capture(described, /^OldReplicaSets:\s+(\S+) \(0\/0 replicas created\)$/m);
      expect(scalingEvents(described).map((event) => event.message)).toEqual([
        `Scaled up replica set ${rsOld} from 0 to 2`,
        `Scaled up replica set ${rsNew} from 0 to 1`,
        `Scaled down replica set ${rsOld} from 2 to 1`,
        `Scaled up replica set ${rsNew} from 1 to 2`,
        `Scaled down replica set ${rsOld} from 1 to 0`,
      ]);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-bad-image: nginx:787977da stalls in ErrImagePull while the old pods serve; undo recovers; revisions 1,2,5…9',
    () => {
      const demo = runDemo('S003-bad-image');
      for (const tag of ['1.15.3', '1.15.4']) {
        const step = demo.step(`kubectl set image deploy nginx nginx=nginx:${tag} --record`);
        expect(step.stdout).toBe('deployment.apps/nginx image updated\n');
        expect(step.stderr).toBe(RECORD_DEPRECATED);
      }

      const stalled = parseTable(demo.out('kubectl get po', 0));
      expect(stalled).toHaveLength(3);
      const serving = stalled.filter((row) => row['STATUS'] === 'Running');
      expect(serving).toHaveLength(2);
      for (const row of serving) expect(row['READY']).toBe('1/1');
      const bad = stalled.find((row) => row['STATUS'] !== 'Running');
      expect(bad?.['READY']).toBe('0/1');
      expect(bad?.['STATUS']).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
      // 2 replicas, maxSurge 1, maxUnavailable 0: the one new pod never becomes available, so no old pod goes.
      expect(demo.out('kubectl get deploy nginx', 0)).toMatch(/^nginx\s+2\/2\s+1\s+2\s+\d+s$/m);
      const described = demo.out('kubectl describe pods -l app=nginx');
      expect(described).toMatch(
        /^\s+Warning\s+Failed\s+.+\s+kubelet\s+spec\.containers\{nginx\}: Failed to pull image "nginx:787977da": .*not found$/m,
      );
      expect(described).toMatch(
        /^\s+Warning\s+Failed\s+.+\s+kubelet\s+spec\.containers\{nginx\}: Error: (ErrImagePull|ImagePullBackOff)$/m,
      );

      expect(demo.out('kubectl rollout history deploy nginx', 0)).toBe(
        historyOutput('deployment.apps/nginx', [
          [1, '<none>'],
          [2, nginxCause('1.15.3')],
          [3, nginxCause('1.15.4')],
          [4, nginxCause('787977da')],
        ]),
      );
      expect(demo.out('kubectl rollout undo deploy nginx')).toBe('deployment.apps/nginx rolled back\n');
      const recovered = parseTable(demo.out('kubectl get po', 1));
      expect(sorted(column(recovered, 'NAME'))).toEqual(sorted(column(serving, 'NAME')));

      // The rollback copies revision 3's change-cause back onto the Deployment.
      const grep = demo.out('kubectl get deploy nginx -oyaml | grep nginx');
      for (const line of grep.split('\n').filter((text) => text !== '')) expect(line).toContain('nginx');
      expect(grep).toMatch(/^ {4}kubernetes\.io\/change-cause: kubectl set image deploy nginx nginx=nginx:1\.15\.4/m);
      expect(grep).toMatch(/^ {6}- image: nginx:1\.15\.4$/m);
      expect(grep).toMatch(new RegExp(`^ {4}message: ReplicaSet "nginx-${HASH}" has successfully progressed\\.$`, 'm'));

      for (const tag of ['787977da', '787977dadaa', '787977xxxxxdadaa', '787977dadxxxxxdadaa']) {
        const occurrence = tag === '787977da' ? 1 : 0;
        expect(demo.out(`kubectl set image deploy nginx nginx=nginx:${tag} --record`, occurrence)).toBe(
          'deployment.apps/nginx image updated\n',
        );
      }
      // deployment_util.go SetNewReplicaSetAnnotations: a ReplicaSet brought back gets the next revision (3 → 5,
      // 4 → 6), as in the seed's listing.
      expect(demo.out('kubectl rollout history deploy nginx', 1)).toBe(
        historyOutput('deployment.apps/nginx', [
          [1, '<none>'],
          [2, nginxCause('1.15.3')],
          [5, nginxCause('1.15.4')],
          [6, nginxCause('787977da')],
          [7, nginxCause('787977dadaa')],
          [8, nginxCause('787977xxxxxdadaa')],
          [9, nginxCause('787977dadxxxxxdadaa')],
        ]),
      );
      const revision5 = demo.out('kubectl rollout history deploy nginx --revision=5');
      expect(revision5).toMatch(/^deployment\.apps\/nginx with revision #5\nPod Template:\n/);
      expect(revision5).toMatch(new RegExp(`^\\s+Labels:\\s+app=nginx\\n\\s+pod-template-hash=${HASH}$`, 'm'));
      expect(revision5).toMatch(
        /^\s+Annotations:\s+kubernetes\.io\/change-cause: kubectl set image deploy nginx nginx=nginx:1\.15\.4 --record=true$/m,
      );
      expect(revision5).toMatch(/^\s+Image:\s+nginx:1\.15\.4$/m);
      expect(revision5).toMatch(/^\s+Port:\s+<none>$/m);

      expect(demo.out('kubectl rollout undo deploy nginx --to-revision=5')).toBe('deployment.apps/nginx rolled back\n');
      const final = parseTable(demo.out('kubectl get po', 2));
      expect(sorted(column(final, 'NAME'))).toEqual(sorted(column(serving, 'NAME')));
      expect(demo.out('kubectl get deploy nginx', 1)).toMatch(/^nginx\s+2\/2\s+2\s+2\s+\d+[sm]/m);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-paused: paused: true and DeploymentPaused while set image and set resources wait; one new ReplicaSet after resume',
    () => {
      const demo = runDemo('S003-paused');
      const pods = column(parseTable(demo.out('kubectl get po', 0)), 'NAME');
      expect(pods).toHaveLength(2);
      expect(demo.out('kubectl rollout pause deployment nginx')).toBe('deployment.apps/nginx paused\n');
      const image = demo.step('kubectl set image deploy nginx nginx=nginx:1.15.3 --record');
      expect(image.stdout).toBe('deployment.apps/nginx image updated\n');
      expect(image.stderr).toBe(RECORD_DEPRECATED);
      expect(column(parseTable(demo.out('kubectl get po', 1)), 'NAME')).toEqual(pods);
      expect(
        demo.out(
          'kubectl set resources deploy nginx -c nginx --limits=cpu=200m,memory=128Mi --requests=cpu=10m,memory=16Mi',
        ),
      ).toBe('deployment.apps/nginx resource requirements updated\n');

      const yaml = demo.out('kubectl get deploy nginx -oyaml');
      expect(yaml).toMatch(/^ {2}paused: true$/m);
      expect(yaml).toMatch(/^ {6}- image: nginx:1\.15\.3$/m);
      expect(yaml).toMatch(
        /^ {8}resources:\n {10}limits:\n {12}cpu: 200m\n {12}memory: 128Mi\n {10}requests:\n {12}cpu: 10m\n {12}memory: 16Mi$/m,
      );
      expect(yaml).toMatch(
        /^ {4}message: Deployment is paused\n {4}reason: DeploymentPaused\n {4}status: Unknown\n {4}type: Progressing$/m,
      );
      const before = parseTable(demo.out('kubectl get rs', 0));
      expect(before).toHaveLength(1);
      const rsOld = before[0]?.['NAME'] ?? '';
      expect(before[0]).toMatchObject({ DESIRED: '2', CURRENT: '2', READY: '2' });

      expect(demo.out('kubectl rollout resume deploy nginx')).toBe('deployment.apps/nginx resumed\n');
      const starting = demo.out('kubectl get rs', 1);
      expect(parseTable(starting)).toHaveLength(2);
      const rsNew = namesIn(starting).find((name) => name !== rsOld) ?? '';
      expect(rowFor(starting, rsOld)).toMatchObject({ DESIRED: '2', CURRENT: '2', READY: '2' });
      expect(rowFor(starting, rsNew)).toMatchObject({ DESIRED: '1', CURRENT: '1', READY: '0' });
      const done = demo.out('kubectl get rs', 2);
      expect(parseTable(done)).toHaveLength(2);
      expect(rowFor(done, rsOld)).toMatchObject({ DESIRED: '0', CURRENT: '0', READY: '0' });
      expect(rowFor(done, rsNew)).toMatchObject({ DESIRED: '2', CURRENT: '2', READY: '2' });
      for (const name of namesIn(demo.out('kubectl get po', 2))) expect(name.startsWith(`${rsNew}-`)).toBe(true);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-rs-rc: the ReplicaSet (set-based selector) and the ReplicationController both keep 3 pods',
    () => {
      const demo = runDemo('S003-rs-rc');
      expect(demo.out('kubectl apply -f frontend.yaml')).toBe('replicaset.apps/frontend created\n');
      expect(demo.out('kubectl apply -f nginx-rc.yaml')).toBe('replicationcontroller/nginx created\n');
      // LabelSelectorAsSelector: matchLabels then matchExpressions, kept in that order for the same key.
      expect(rowFor(demo.out('kubectl get rs frontend -o wide'), 'frontend')).toMatchObject({
        DESIRED: '3',
        CURRENT: '3',
        READY: '3',
        CONTAINERS: 'php-redis',
        IMAGES: 'gcr.io/google_samples/gb-frontend:v3',
        SELECTOR: 'tier=frontend,tier in (frontend)',
      });
      expect(rowFor(demo.out('kubectl get rc nginx -o wide'), 'nginx')).toMatchObject({
        DESIRED: '3',
        CURRENT: '3',
        READY: '3',
        CONTAINERS: 'nginx',
        IMAGES: 'nginx',
        SELECTOR: 'app=nginx',
      });
      const labelled = parseTable(demo.out('kubectl get pods --show-labels'));
      expect(labelled).toHaveLength(6);
      const frontend = labelled.filter((row) => row['LABELS'] === 'app=guestbook,tier=frontend');
      const nginx = labelled.filter((row) => row['LABELS'] === 'app=nginx');
      expect(frontend).toHaveLength(3);
      expect(nginx).toHaveLength(3);
      for (const row of frontend) expect(row['NAME']).toMatch(new RegExp(`^frontend-${SUFFIX}$`));
      for (const row of nginx) expect(row['NAME']).toMatch(new RegExp(`^nginx-${SUFFIX}$`));

      const goneFrontend = frontend[0]?.['NAME'] ?? '';
      const goneNginx = nginx[0]?.['NAME'] ?? '';
      expect(
        demo.out("kubectl delete pod $(kubectl get pods -l tier=frontend -o jsonpath='{.items[0].metadata.name}')"),
      ).toBe(`pod "${goneFrontend}" deleted from default namespace\n`);
      expect(
        demo.out("kubectl delete pod $(kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.name}')"),
      ).toBe(`pod "${goneNginx}" deleted from default namespace\n`);
      expect(demo.out('kubectl get rs frontend')).toMatch(/^frontend\s+3\s+3\s+3\s+\d+s$/m);
      expect(demo.out('kubectl get rc nginx')).toMatch(/^nginx\s+3\s+3\s+3\s+\d+s$/m);
      for (const [selector, gone] of [
        ['tier=frontend', goneFrontend],
        ['app=nginx', goneNginx],
      ] as const) {
        const rows = parseTable(demo.out(`kubectl get pods -l ${selector}`));
        expect(rows).toHaveLength(3);
        expect(column(rows, 'NAME')).not.toContain(gone);
        for (const row of rows) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      }
      const created = eventsIn(demo.out('kubectl describe rc nginx')).filter(
        (event) => event.reason === 'SuccessfulCreate',
      );
      expect(created).toHaveLength(4);
      for (const event of created) {
        expect(event.from).toBe('replication-controller');
        expect(event.message).toMatch(new RegExp(`^Created pod: nginx-${SUFFIX}$`));
      }
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    "S003-sts: web-0 then web-1, web-2 after scaling; busybox resolves web-0.nginx to web-0's IP",
    () => {
      const demo = runDemo('S003-sts');
      expect(demo.out('kubectl create -f nginx-sts.yaml')).toBe(
        'service/nginx created\nstatefulset.apps/web created\n',
      );
      expect(rowFor(demo.out('kubectl get svc'), 'nginx')).toMatchObject({
        TYPE: 'ClusterIP',
        'CLUSTER-IP': 'None',
        'EXTERNAL-IP': '<none>',
        'PORT(S)': '80/TCP',
      });
      const two = parseTable(demo.out('kubectl get po', 0));
      expect(column(two, 'NAME')).toEqual(['web-0', 'web-1']);
      for (const row of two) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);

      expect(demo.out('kubectl scale --replicas=3 sts web')).toBe('statefulset.apps/web scaled\n');
      // web-0 and web-1 are Ready, so web-2 is created at once (the seed catches it ContainerCreating).
      const scaling = expectOrderedStart(demo.out('kubectl get po', 1), 'web');
      expect(column(scaling, 'NAME')).toEqual(['web-0', 'web-1', 'web-2']);

      expect(demo.out('cat<<EOF | kubectl apply -f -')).toBe('pod/busybox created\n');
      const all = parseTable(demo.out('kubectl get po', 2));
      expect(column(all, 'NAME')).toEqual(['busybox', 'web-0', 'web-1', 'web-2']);
      for (const row of all) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      const times = podTimes(
        demo.out(
          'kubectl get pods -l app=nginx -o custom-columns=\'NAME:.metadata.name,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime\'',
        ),
      );
      expectCreatedAfterReady(times, 'web-0', 'web-1');
      expectCreatedAfterReady(times, 'web-1', 'web-2');

      // busybox 1.28 nslookup, as in the seed: the search path completes web-0.nginx in namespace default.
      const ip = demo.out("kubectl get pod web-0 -o jsonpath='{.status.podIP}'");
      expect(ip).toMatch(new RegExp(`^${IP}$`));
      expect(demo.out('kubectl exec busybox -- nslookup web-0.nginx')).toMatch(
        new RegExp(
          `^Server:\\s+10\\.96\\.0\\.10\\nAddress 1: 10\\.96\\.0\\.10 kube-dns\\.kube-system\\.svc\\.cluster\\.local\\n\\nName:\\s+web-0\\.nginx\\nAddress 1: ${ip.replace(/\./g, '\\.')} web-0\\.nginx\\.default\\.svc\\.cluster\\.local\\n$`,
        ),
      );

      expect(demo.out('kubectl scale sts web --replicas=4')).toBe('statefulset.apps/web scaled\n');
      const four = parseTable(demo.out('kubectl get po -l app=nginx'));
      expect(column(four, 'NAME')).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
      for (const row of four) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-sts-partition: partition 2 replaces web-4, web-3, web-2 in that order; web-0 and web-1 stay as they were',
    () => {
      const demo = runDemo('S003-sts-partition');
      expect(demo.out('kubectl scale sts web --replicas=5')).toBe('statefulset.apps/web scaled\n');
      const uidColumns =
        'kubectl get po -l app=nginx -o custom-columns=NAME:.metadata.name,UID:.metadata.uid,IMAGE:.spec.containers[0].image';
      const before = parseTable(demo.out(uidColumns));
      expect(column(before, 'NAME')).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
      for (const row of before) expect(row['IMAGE']).toBe('nginx');

      expect(
        demo.out('kubectl patch sts web -p \'{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}\''),
      ).toBe('statefulset.apps/web patched\n');
      const update = demo.step('kubectl set image sts web nginx=nginx:1.21.6 --record');
      expect(update.stdout).toBe('statefulset.apps/web image updated\n');
      expect(update.stderr).toBe(RECORD_DEPRECATED);
      // 5 s in, mid-update: web-0 and web-1, below the partition, are untouched.
      const early = demo.out('kubectl get po -l app=nginx', 0);
      for (const name of ['web-0', 'web-1'])
        expect(rowFor(early, name)).toMatchObject({ READY: '1/1', STATUS: 'Running' });

      for (const row of parseTable(demo.out('kubectl get po -l app=nginx', 1))) {
        expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      }
      const after = demo.out(
        'kubectl get po -l app=nginx -o custom-columns=\'NAME:.metadata.name,UID:.metadata.uid,IMAGE:.spec.containers[0].image,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime\'',
      );
      const uidBefore = (name: string): string => rowFor(demo.out(uidColumns), name)['UID'] ?? '';
      for (const name of ['web-0', 'web-1']) {
        expect(rowFor(after, name)).toMatchObject({ UID: uidBefore(name), IMAGE: 'nginx' });
      }
      for (const name of ['web-2', 'web-3', 'web-4']) {
        expect(rowFor(after, name)['IMAGE']).toBe('nginx:1.21.6');
        expect(rowFor(after, name)['UID']).not.toBe(uidBefore(name));
      }
      const times = podTimes(after);
      expectCreatedAfterReady(times, 'web-4', 'web-3');
      expectCreatedAfterReady(times, 'web-3', 'web-2');

      expect(demo.out('kubectl rollout status sts web')).toBe(
        'partitioned roll out complete: 3 new pods have been updated...\n',
      );
      expect(
        demo.out(
          "kubectl get sts web -o jsonpath='{.status.updatedReplicas} {.status.currentReplicas} {.status.readyReplicas}'",
        ),
      ).toBe('3 2 5');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-sts-orphan: --cascade=false leaves the pods running without an owner; a deleted orphan stays deleted',
    () => {
      const demo = runDemo('S003-sts-orphan');
      expect(namesIn(demo.out('kubectl get po -l app=nginx', 0))).toEqual(['web-0', 'web-1']);
      const deleted = demo.step('kubectl delete sts web --cascade=false');
      expect(deleted.stdout).toBe('statefulset.apps "web" deleted from default namespace\n');
      // delete_flags.go GetCascadingStrategy: a boolean value still works, with a warning.
      expect(deleted.stderr).toBe(
        'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
      );
      expect(demo.step('kubectl get sts').stderr).toBe('No resources found in default namespace.\n');
      expect(
        parseTable(
          demo.out(
            'kubectl get po -l app=nginx -o custom-columns=NAME:.metadata.name,STATUS:.status.phase,OWNER:.metadata.ownerReferences[0].name',
          ),
        ),
      ).toEqual([
        { NAME: 'web-0', STATUS: 'Running', OWNER: '<none>' },
        { NAME: 'web-1', STATUS: 'Running', OWNER: '<none>' },
      ]);
      expect(demo.out('kubectl delete pod web-0')).toBe('pod "web-0" deleted from default namespace\n');
      const left = parseTable(demo.out('kubectl get po -l app=nginx', 1));
      expect(left).toEqual([
        { NAME: 'web-1', READY: '1/1', STATUS: 'Running', RESTARTS: '0', AGE: expect.any(String) },
      ]);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-ds: one pod per worker; with the nodeSelector only on ds=true nodes; a third label adds a pod; 2 revisions',
    () => {
      const demo = runDemo('S003-ds');
      expect(demo.out('kubectl create -f nginx-ds.yaml')).toBe('daemonset.apps/nginx created\n');
      const nodes = parseTable(demo.out('kubectl get node -owide'));
      expect(column(nodes, 'NAME')).toEqual(['master1', 'worker1', 'worker2', 'worker3']);
      for (const row of nodes) expect(row['STATUS']).toBe('Ready');

      const everywhere = parseTable(demo.out('kubectl get po -owide', 0));
      expect(sorted(column(everywhere, 'NODE'))).toEqual(['worker1', 'worker2', 'worker3']);
      for (const row of everywhere) {
        expect(row['NAME']).toMatch(new RegExp(`^nginx-${SUFFIX}$`));
        expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      }

      expect(demo.out('kubectl label node worker1 worker2 ds=true')).toBe(
        'node/worker1 labeled\nnode/worker2 labeled\n',
      );
      const labels = parseTable(demo.out('kubectl get node --show-labels'));
      for (const row of labels) {
        const labelled = row['NAME'] === 'worker1' || row['NAME'] === 'worker2';
        expect((row['LABELS'] ?? '').split(',').includes('ds=true')).toBe(labelled);
      }

      expect(demo.out('kubectl replace -f nginx-ds.yaml')).toBe('daemonset.apps/nginx replaced\n');
      const selected = livePods(demo.out('kubectl get po -owide', 1));
      expect(sorted(column(selected, 'NODE'))).toEqual(['worker1', 'worker2']);
      // The template changed, so the pods on worker1 and worker2 were replaced too.
      for (const name of column(selected, 'NAME')) expect(column(everywhere, 'NAME')).not.toContain(name);
      expect(demo.out('kubectl rollout history ds nginx')).toBe(
        historyOutput('daemonset.apps/nginx', [
          [1, '<none>'],
          [2, '<none>'],
        ]),
      );

      expect(demo.out('kubectl label node worker3 ds=true')).toBe('node/worker3 labeled\n');
      const added = parseTable(demo.out('kubectl get po', 1)).filter(
        (row) => !column(selected, 'NAME').includes(row['NAME'] ?? ''),
      );
      expect(added).toHaveLength(1);
      const three = parseTable(demo.out('kubectl get po -owide', 2));
      expect(sorted(column(three, 'NODE'))).toEqual(['worker1', 'worker2', 'worker3']);
      for (const row of three) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      expect(demo.out('kubectl get ds nginx')).toMatch(/^nginx\s+3\s+3\s+3\s+3\s+3\s+ds=true\s+\d+s$/m);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S004-deploy: extensions/v1beta1 and the placeholder namespace are rejected; fixed, minReadySeconds delays availability',
    () => {
      const demo = runDemo('S004-deploy');
      const [removed, placeholder, created] = demo.all('kubectl apply -f ./deploy.yml');
      expect(removed?.exitCode).toBe(1);
      expect(removed?.stdout).toBe('');
      expect(removed?.stderr).toBe(
        'error: resource mapping not found for name: "super-front" namespace: "【你的环境名】" from "./deploy.yml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
      );
      expect(removed?.hints.join('\n')).toMatch(/apps\/v1/);
      expect(removed?.hints.join('\n')).toContain('【你的环境名】');
      // NamespaceLifecycle admission rejects objects in a namespace that does not exist.
      expect(placeholder?.exitCode).toBe(1);
      expect(placeholder?.stderr).toBe(
        'Error from server (NotFound): error when creating "./deploy.yml": namespaces "【你的环境名】" not found\n',
      );
      expect(placeholder?.hints.join('\n')).toContain('【你的环境名】');
      expect(demo.out('kubectl create namespace pg-allen')).toBe('namespace/pg-allen created\n');
      expect(created?.stdout).toBe('deployment.apps/super-front created\n');

      // Ready at the first readiness probe (period 20 s, after the 11 s delay), available 30 s after that.
      expect(demo.out('kubectl get deploy -n pg-allen', 0)).toMatch(
        /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nsuper-front\s+1\/1\s+1\s+0\s+\d+s\n$/,
      );
      expect(demo.out('kubectl get po -n pg-allen -l app=super-front')).toMatch(
        new RegExp(`^super-front-${HASH}-${SUFFIX}\\s+1/1\\s+Running\\s+0\\s+\\d+s$`, 'm'),
      );
      expect(demo.out('kubectl get deploy -n pg-allen', 1)).toMatch(/^super-front\s+1\/1\s+1\s+1\s+\d+s$/m);

      const described = demo.out('kubectl describe deploy super-front -n pg-allen');
      expect(described).toMatch(/^Namespace:\s+pg-allen$/m);
      expect(described).toMatch(/^Labels:\s+app=super-front\n\s+codename=k8s-playground\n\s+project=k8s-playground$/m);
      expect(described).toMatch(/^Replicas:\s+1 desired \| 1 updated \| 1 total \| 1 available \| 0 unavailable$/m);
      expect(described).toMatch(/^MinReadySeconds:\s+30$/m);
      expect(described).toMatch(/^RollingUpdateStrategy:\s+0 max unavailable, 1 max surge$/m);
      expect(described).toMatch(
        /^\s+Liveness:\s+tcp-socket :80 delay=168s timeout=1s period=20s #success=1 #failure=3$/m,
      );
      expect(described).toMatch(
        /^\s+Readiness:\s+http-get http:\/\/:80\/ delay=11s timeout=1s period=20s #success=1 #failure=3$/m,
      );
      expect(described).toMatch(
        /^\s+Environment:\n\s+LANG:\s+en_US\.UTF-8\n\s+LANGUAGE:\s+en_US:en\n\s+LC_ALL:\s+en_US\.UTF-8$/m,
      );
      expect(described).toMatch(/^\s+Available\s+True\s+MinimumReplicasAvailable$/m);
      expect(described).toMatch(/^\s+Progressing\s+True\s+NewReplicaSetAvailable$/m);
      const rs = capture(described, /^NewReplicaSet:\s+(\S+) \(1\/1 replicas created\)$/m);
      expect(scalingEvents(described).map((event) => event.message)).toEqual([
        `Scaled up replica set ${rs} from 0 to 1`,
      ]);

      expect(demo.out('kubectl delete deploy super-front -n pg-allen')).toBe(
        'deployment.apps "super-front" deleted from pg-allen namespace\n',
      );
      expect(demo.step('kubectl get deploy -n pg-allen', 2).stderr).toBe('No resources found in pg-allen namespace.\n');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S004-edit-undo: the new pod joins before the old leaves (2/1); revision 2; undo to 1; describe as in the seed',
    () => {
      const demo = runDemo('S004-edit-undo');
      expect(demo.out('kubectl apply -f ./deploy.yml')).toBe('deployment.apps/super-front created\n');
      expect(demo.out('kubectl set image deployment/super-front super-front=nginx:1.16.1-alpine -n pg-allen')).toBe(
        'deployment.apps/super-front image updated\n',
      );
      // maxSurge 1, maxUnavailable 0, minReadySeconds 30: both pods run until the new one has been ready 30 s.
      expect(demo.out('kubectl get deploy super-front -n pg-allen')).toMatch(/^super-front\s+2\/1\s+1\s+1\s+\d+[sm]/m);
      const both = parseTable(demo.out('kubectl get po -n pg-allen -l app=super-front'));
      expect(both).toHaveLength(2);
      for (const row of both) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);

      expect(demo.out('kubectl get deploy super-front -n pg-allen -oyaml |grep image:', 0)).toBe(
        '        image: nginx:1.16.1-alpine\n',
      );
      expect(demo.out('kubectl get deploy super-front -n pg-allen -oyaml |grep revision')).toBe(
        '    deployment.kubernetes.io/revision: "2"\n  revisionHistoryLimit: 10\n',
      );
      expect(demo.out('kubectl rollout history deployment/super-front -n pg-allen')).toBe(
        historyOutput('deployment.apps/super-front', [
          [1, '<none>'],
          [2, '<none>'],
        ]),
      );
      expect(demo.out('kubectl rollout undo deployment/super-front -n pg-allen --to-revision=1')).toBe(
        'deployment.apps/super-front rolled back\n',
      );
      expect(demo.out('kubectl get deploy super-front -n pg-allen -oyaml |grep image:', 1)).toBe(
        '        image: nginx:latest\n',
      );

      const described = demo.out('kubectl describe deploy super-front -n pg-allen');
      expect(described).toMatch(/^Annotations:\s+deployment\.kubernetes\.io\/revision: 3$/m);
      expect(described).toMatch(/^Replicas:\s+1 desired \| 1 updated \| 1 total \| 1 available \| 0 unavailable$/m);
      expect(described).toMatch(/^\s+Image:\s+nginx:latest$/m);
      expect(described).toMatch(
        /^\s+Limits:\n\s+cpu:\s+10m\n\s+memory:\s+64Mi\n\s+Requests:\n\s+cpu:\s+10m\n\s+memory:\s+64Mi$/m,
      );
      const first = capture(described, /^NewReplicaSet:\s+(\S+) \(1\/1 replicas created\)$/m);
      const second = capture(described, /^OldReplicaSets:\s+(\S+) \(0\/0 replicas created\)$/m);
      // The undo's "Scaled up ... from 0 to 1" repeats the first event word for word, so the event recorder counts it
      // on that event (x2), which then sorts by its latest time.
      const events = scalingEvents(described);
      expect(events.map((event) => event.message)).toEqual([
        `Scaled up replica set ${second} from 0 to 1`,
        `Scaled down replica set ${first} from 1 to 0`,
        `Scaled up replica set ${first} from 0 to 1`,
        `Scaled down replica set ${second} from 1 to 0`,
      ]);
      expect(events[2]?.age).toMatch(/ \(x2 over \d+m(\d+s)?\)$/);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S004-sts-pvc: Parallel starts eureka-0 and eureka-1 with a bound claim each; eureka-1.eureka-headless resolves; data outlives the pod',
    () => {
      const demo = runDemo('S004-sts-pvc');
      expect(demo.out('kubectl apply -f eureka-headless.yaml')).toBe('service/eureka-headless created\n');
      expect(rowFor(demo.out('kubectl get svc eureka-headless -n pg-allen-ali'), 'eureka-headless')).toMatchObject({
        TYPE: 'ClusterIP',
        'CLUSTER-IP': 'None',
        'PORT(S)': '8761/TCP',
      });
      expect(demo.out('kubectl apply -f eureka-sts.yaml')).toBe('statefulset.apps/eureka created\n');
      // Parallel (stateful_set_control.go): no ordinal waits for the one before it.
      const created = parseTable(demo.out('kubectl -n pg-allen-ali get po'));
      expect(column(created, 'NAME')).toEqual(['eureka-0', 'eureka-1']);
      const running = parseTable(demo.out('kubectl -n pg-allen-ali get po -o wide'));
      for (const row of running) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      // Claims are named <template>-<set>-<ordinal>; each binds the smallest static volume of its class that fits.
      const claims = parseTable(demo.out('kubectl -n pg-allen-ali get pvc'));
      expect(claims.map((c) => [c['NAME'], c['STATUS'], c['VOLUME'], c['STORAGECLASS']])).toEqual([
        ['eureka-data-eureka-0', 'Bound', 'nas-eureka-a', 'alicloud-nas'],
        ['eureka-data-eureka-1', 'Bound', 'nas-eureka-b', 'alicloud-nas'],
      ]);
      expect(column(parseTable(demo.out('kubectl get pv', 1)), 'CLAIM')).toEqual([
        'pg-allen-ali/eureka-data-eureka-0',
        'pg-allen-ali/eureka-data-eureka-1',
      ]);
      const described = demo.out('kubectl -n pg-allen-ali describe statefulset eureka');
      expect(messagesOf(described, 'SuccessfulCreate')).toEqual([
        'create Claim eureka-data-eureka-0 Pod eureka-0 in StatefulSet eureka success',
        'create Pod eureka-0 in StatefulSet eureka successful',
        'create Claim eureka-data-eureka-1 Pod eureka-1 in StatefulSet eureka success',
        'create Pod eureka-1 in StatefulSet eureka successful',
      ]);
      // The headless Service gives each pod a name: <pod>.<service>.<namespace>.svc.cluster.local (CoreDNS).
      const eureka1 = running.find((row) => row['NAME'] === 'eureka-1')?.['IP'] ?? '';
      const ping = demo.out('kubectl -n pg-allen-ali exec eureka-0 -- ping -c 2 eureka-1.eureka-headless');
      const fqdn = 'eureka-1.eureka-headless.pg-allen-ali.svc.cluster.local';
      expect(ping).toMatch(
        new RegExp(
          `^PING ${fqdn.replace(/\./g, '\\.')} \\(${eureka1.replace(/\./g, '\\.')}\\) 56\\(84\\) bytes of data\\.$`,
          'm',
        ),
      );
      expect(ping).toContain(`64 bytes from ${fqdn} (${eureka1}): icmp_seq=1 `);
      expect(ping).toContain('2 packets transmitted, 2 received, 0% packet loss');

      // The volume outlives the pod: the new eureka-0 reads what the old one wrote.
      expect(demo.out('kubectl -n pg-allen-ali exec eureka-0 -- cat /dianyi/data/data_test')).toBe('data_test\n');
      // Scale-down deletes the pod but keeps its claim; the ordinal comes back to the same volume.
      const scaledDown = parseSections(demo.out('kubectl -n pg-allen-ali get po,pvc'));
      expect(column(scaledDown[0]!, 'NAME')).toEqual(['pod/eureka-0']);
      expect(column(scaledDown[1]!, 'STATUS')).toEqual(['Bound', 'Bound']);
      expect(demo.out('kubectl -n pg-allen-ali exec eureka-1 -- cat /dianyi/data/owner')).toBe('eureka-1\n');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    "S000-hpa: the seed HPA needs the target's API group; with it, a load scales frontend 3 → 6 and back; no requests, no percentage",
    () => {
      const demo = runDemo('S000-hpa');
      // scaleTargetRef without apiVersion names a ReplicaSet in the core group, which has none.
      expect(rowFor(demo.out('kubectl get hpa frontend-scaler', 0), 'frontend-scaler')).toMatchObject({
        REFERENCE: 'ReplicaSet/frontend',
        TARGETS: 'cpu: <unknown>/50%',
        REPLICAS: '0',
      });
      const unscalable = demo.out('kubectl describe hpa frontend-scaler', 0);
      expect(unscalable).toMatch(
        /^\s+AbleToScale\s+False\s+FailedGetScale\s+the HPA controller was unable to get the target's current scale: no matches for kind "ReplicaSet" in group ""$/m,
      );
      expect(messagesOf(unscalable, 'FailedGetScale')).toEqual(['no matches for kind "ReplicaSet" in group ""']);

      expect(rowFor(demo.out('kubectl get hpa frontend-scaler', 1), 'frontend-scaler')).toMatchObject({
        TARGETS: 'cpu: 1%/50%',
        REPLICAS: '3',
      });
      expect(demo.out('kubeplay load service/frontend 300')).toBe(
        'load on service/frontend: 300 requests/s from outside the cluster, spread over 3 ready endpoints\n',
      );
      // 300 requests/s at 1 ms of CPU each is 100m per pod of 3: 100% of the request, so ceil(3 × 100/50) = 6.
      expect(rowFor(demo.out('kubectl get hpa frontend-scaler', 2), 'frontend-scaler')).toMatchObject({
        TARGETS: 'cpu: 51%/50%',
        REPLICAS: '6',
      });
      expect(rowFor(demo.out('kubectl get rs frontend'), 'frontend')).toMatchObject({ DESIRED: '6', READY: '6' });
      const top = parseTable(demo.out('kubectl top pods -l tier=frontend'));
      expect(top).toHaveLength(6);
      for (const row of top) expect(row['CPU(cores)']).toBe('51m');
      // After the load stops, the 5-minute scale-down stabilization window holds 6, then 3 (minReplicas).
      expect(rowFor(demo.out('kubectl get hpa frontend-scaler', 3), 'frontend-scaler')['REPLICAS']).toBe('6');
      expect(rowFor(demo.out('kubectl get hpa frontend-scaler', 4), 'frontend-scaler')['REPLICAS']).toBe('3');
      expect(messagesOf(demo.out('kubectl describe hpa frontend-scaler', 1), 'SuccessfulRescale')).toEqual([
        'New size: 4; reason: cpu resource utilization (percentage of request) above target',
        'New size: 6; reason: cpu resource utilization (percentage of request) above target',
        'New size: 3; reason: All metrics below target',
      ]);

      expect(rowFor(demo.out('kubectl get hpa app-rs'), 'app-rs')['TARGETS']).toBe('cpu: <unknown>/50%');
      const missing = demo.out('kubectl describe hpa app-rs');
      expect(missing).toMatch(
        new RegExp(
          `^\\s+ScalingActive\\s+False\\s+FailedGetResourceMetric\\s+the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container app of Pod app-rs-${SUFFIX}$`,
          'm',
        ),
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S003-hpa: the old run --requests is rejected; a wget loop scales hpa-nginx up at 10% of 10m, and it falls back to 1',
    () => {
      const demo = runDemo('S003-hpa');
      const run = demo.step(
        'kubectl run nginx-server-hpa --requests=cpu=10m --image=registry.cn-beijing.aliyuncs.com/dotbalo/nginx --port=80',
      );
      expect(run.stderr).toBe("error: unknown flag: --requests\nSee 'kubectl run --help' for usage.\n");
      expect(run.hints.join('\n')).toMatch(/--requests/);
      expect(demo.out('kubectl autoscale deployment hpa-nginx --cpu-percent=10 --min=1 --max=10')).toBe(
        'horizontalpodautoscaler.autoscaling/hpa-nginx autoscaled\n',
      );
      expect(rowFor(demo.out('kubectl get hpa', 0), 'hpa-nginx')).toMatchObject({
        REFERENCE: 'Deployment/hpa-nginx',
        TARGETS: 'cpu: 0%/10%',
        REPLICAS: '1',
      });
      const loaded = rowFor(demo.out('kubectl get hpa', 1), 'hpa-nginx');
      expect(Number(capture(loaded['TARGETS'] ?? '', /^cpu: (\d+)%\/10%$/))).toBeGreaterThan(10);
      const scaledTo = Number(loaded['REPLICAS']);
      expect(scaledTo).toBeGreaterThan(1);
      expect(scaledTo).toBeLessThanOrEqual(10);
      // Scale-up at most doubles (or adds 4 pods) per 15 s sync, and stops at maxReplicas: 1 → 4 → 8 → 10.
      expect(messagesOf(demo.out('kubectl describe hpa hpa-nginx'), 'SuccessfulRescale')).toEqual(
        [4, 8, 10].map(
          (size) => `New size: ${size}; reason: cpu resource utilization (percentage of request) above target`,
        ),
      );
      expect(rowFor(demo.out('kubectl get hpa', 2), 'hpa-nginx')).toMatchObject({
        TARGETS: 'cpu: 0%/10%',
        REPLICAS: '1',
      });
      expect(rowFor(demo.out('kubectl get deployment hpa-nginx', 1), 'hpa-nginx')['READY']).toBe('1/1');
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S004-lb: the LoadBalancer Service has a node port at once and an external address a moment later',
    () => {
      const demo = runDemo('S004-lb');
      expect(demo.out('kubectl create namespace pg-allen-ali')).toBe('namespace/pg-allen-ali created\n');
      expect(demo.out('kubectl apply -f eureka-svc.yaml')).toBe('service/eureka created\n');
      const pending = rowFor(demo.out('kubectl get svc eureka -n pg-allen-ali', 0), 'eureka');
      expect(pending).toMatchObject({ TYPE: 'LoadBalancer', 'EXTERNAL-IP': '<pending>' });
      const nodePort = Number(capture(pending['PORT(S)'] ?? '', /^8761:(\d+)\/TCP$/));
      expect(nodePort).toBeGreaterThanOrEqual(30000);
      expect(nodePort).toBeLessThanOrEqual(32767);

      const assigned = rowFor(demo.out('kubectl get svc eureka -n pg-allen-ali', 1), 'eureka');
      expect(assigned['CLUSTER-IP']).toBe(pending['CLUSTER-IP']);
      expect(assigned['PORT(S)']).toBe(pending['PORT(S)']);
      expect(assigned['EXTERNAL-IP']).toMatch(new RegExp(`^${IP}$`));
      expect(
        demo.out("kubectl get svc eureka -n pg-allen-ali -o jsonpath='{.status.loadBalancer.ingress[0].ip}'"),
      ).toBe(assigned['EXTERNAL-IP']);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S004-ds: extensions/v1beta1 and templateGeneration are rejected; fixed, get ds shows 3 nodes, available after 30 s',
    () => {
      const demo = runDemo('S004-ds');
      expect(demo.out('kubectl create namespace pg-allen')).toBe('namespace/pg-allen created\n');
      const [removed, strict, created] = demo.all('kubectl apply -f ds.yaml');
      expect(removed?.exitCode).toBe(1);
      expect(removed?.stderr).toBe(
        'error: resource mapping not found for name: "node-exporter" namespace: "pg-allen" from "ds.yaml": no matches for kind "DaemonSet" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
      );
      expect(removed?.hints.join('\n')).toMatch(/apps\/v1/);
      // kubectl 1.34 asks for fieldValidation=Strict; the apiserver's decoder rejects the unknown field.
      expect(strict?.exitCode).toBe(1);
      expect(strict?.stderr).toBe(
        'Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.templateGeneration"\n',
      );
      expect(strict?.hints.join('\n')).toContain('templateGeneration');
      expect(created?.stdout).toBe('daemonset.apps/node-exporter created\n');

      const header = /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\n/;
      const readyNotAvailable = demo.out('kubectl get ds node-exporter -n pg-allen', 0);
      expect(readyNotAvailable).toMatch(header);
      expect(readyNotAvailable).toMatch(/^node-exporter\s+3\s+3\s+3\s+3\s+0\s+<none>\s+\d+s$/m);
      expect(demo.out('kubectl get ds node-exporter -n pg-allen', 1)).toMatch(
        /^node-exporter\s+3\s+3\s+3\s+3\s+3\s+<none>\s+\d+s$/m,
      );

      // hostNetwork: each pod has its node's address.
      const pods = parseTable(demo.out('kubectl get po -n pg-allen -o wide'));
      expect(Object.fromEntries(pods.map((row) => [row['NODE'], row['IP']]))).toEqual({
        worker1: '192.168.56.11',
        worker2: '192.168.56.12',
        worker3: '192.168.56.13',
      });
      for (const row of pods) expect([row['READY'], row['STATUS']]).toEqual(['1/1', 'Running']);
      const metrics = demo.out('curl http://192.168.56.11:19100/metrics');
      expect(metrics).toMatch(/^# HELP \w+ .+\n# TYPE \w+ \w+$/m);
      expect(metrics).toMatch(/^node_\w+/m);

      const described = demo.out('kubectl describe ds node-exporter -n pg-allen');
      expect(described).toMatch(/^Desired Number of Nodes Scheduled: 3$/m);
      expect(described).toMatch(/^Number of Nodes Scheduled with Available Pods: 3$/m);
      expect(described).toMatch(/^Pods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed$/m);
      const created3 = eventsIn(described).filter((event) => event.reason === 'SuccessfulCreate');
      expect(created3).toHaveLength(3);
      for (const event of created3) {
        expect(event.from).toBe('daemonset-controller');
        expect(event.message).toMatch(new RegExp(`^Created pod: node-exporter-${SUFFIX}$`));
      }
      expect(demo.out('kubectl delete ds node-exporter -n pg-allen')).toBe(
        'daemonset.apps "node-exporter" deleted from pg-allen namespace\n',
      );
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'S004-cron: batch/v1beta1 is rejected; fixed, runs at 09:03 and 09:06 complete; --cascade=true removes Jobs and pods',
    () => {
      const demo = runDemo('S004-cron');
      const rejected = demo.step('kubectl apply -f cronjob.yaml', 0);
      expect(rejected.exitCode).toBe(1);
      expect(rejected.stderr).toBe(
        'error: resource mapping not found for name: "reload-prometheus" namespace: "【pg-allen-job】" from "cronjob.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n',
      );
      expect(rejected.hints.join('\n')).toMatch(/batch\/v1/);
      expect(rejected.hints.join('\n')).toContain('【pg-allen-job】');
      expect(demo.out('kubectl create namespace pg-allen-job')).toBe('namespace/pg-allen-job created\n');
      expect(demo.out('kubectl apply -f cronjob.yaml', 1)).toBe('cronjob.batch/reload-prometheus created\n');

      // 7 m 30 s in (09:07:30): the last run was scheduled at 09:06, 90 s ago.
      expect(demo.out('kubectl get cronjob -n pg-allen-job')).toBe(
        'NAME                SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
          'reload-prometheus   */3 * * * *   <none>     False     0        90s             7m30s\n',
      );
      const jobs = parseTable(demo.out('kubectl get job -n pg-allen-job', 0));
      expect(column(jobs, 'NAME')).toEqual(['reload-prometheus-29460063', 'reload-prometheus-29460066']);
      for (const row of jobs) {
        expect([row['STATUS'], row['COMPLETIONS']]).toEqual(['Complete', '1/1']);
        expect(row['DURATION']).toMatch(/^\d+s$/);
      }
      const pods = parseTable(demo.out('kubectl get po -n pg-allen-job', 0));
      expect(pods).toHaveLength(2);
      pods.forEach((row, i) => {
        expect(row['NAME']).toMatch(new RegExp(`^${jobs[i]?.['NAME'] ?? ''}-${SUFFIX}$`));
        expect([row['READY'], row['STATUS'], row['RESTARTS']]).toEqual(['0/1', 'Completed', '0']);
      });
      expect(demo.out('kubectl logs -f job/reload-prometheus-29460066 -n pg-allen-job')).toContain(
        '<title>Example Domain</title>',
      );

      const described = demo.out('kubectl describe cronjob reload-prometheus -n pg-allen-job');
      expect(messagesOf(described, 'SuccessfulCreate')).toEqual([
        'Created job reload-prometheus-29460063',
        'Created job reload-prometheus-29460066',
      ]);
      expect(messagesOf(described, 'SawCompletedJob')).toEqual([
        'Saw completed job: reload-prometheus-29460063, condition: Complete',
        'Saw completed job: reload-prometheus-29460066, condition: Complete',
      ]);

      const deleted = demo.step('kubectl delete cronjob reload-prometheus -n pg-allen-job --cascade=true');
      expect(deleted.stdout).toBe('cronjob.batch "reload-prometheus" deleted from pg-allen-job namespace\n');
      expect(deleted.stderr).toBe(
        'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
      );
      expect(demo.step('kubectl get job -n pg-allen-job', 1).stderr).toBe(
        'No resources found in pg-allen-job namespace.\n',
      );
      expect(demo.step('kubectl get po -n pg-allen-job', 1).stderr).toBe(
        'No resources found in pg-allen-job namespace.\n',
      );
    },
    SCRIPT_TIMEOUT_MS,
  );
});
