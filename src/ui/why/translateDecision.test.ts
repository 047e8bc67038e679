import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../engine/script/parseScript';
import { runStep } from '../../engine/script/runScript';
import { Session } from '../../engine/session/session';
import { translateDecision } from './translateDecision';

const EXAMPLES = new URL('../../scenarios/examples/', import.meta.url);

/** Every distinct decision text the example scripts make the engine record. */
function exampleDecisionTexts(): string[] {
  const texts = new Set<string>();
  for (const file of readdirSync(EXAMPLES)
    .filter((name) => name.endsWith('.sh'))
    .sort()) {
    const parsed = parseScript(readFileSync(new URL(file, EXAMPLES), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
    const session = Session.create({});
    for (const step of parsed.steps) runStep(session, step);
    for (const decision of session.cluster.decisions.state.entries) texts.add(decision.text);
  }
  return [...texts];
}

/**
 * Runs of two or more lowercase English words left in a translation: untranslated wording. Kubernetes' own
 * messages (kept verbatim in “…”) and kubectl commands do not count; names, numbers, field names (camelCase) and
 * kinds (capitalised) never form such a run.
 */
function leftoverEnglish(zh: string): string[] {
  const plain = zh
    .replace(/“[^”]*”/g, ' | ')
    .replace(/kubectl [^（）]*/g, ' | ')
    .replace(/[\u2014\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g, ' | ');
  const runs: string[] = [];
  let run: string[] = [];
  for (const token of [...plain.split(/\s+/), '|']) {
    const word = token.replace(/^\(+|[),.;:]+$/g, '');
    if (/^[a-z]+$/.test(word)) {
      run.push(word);
      continue;
    }
    if (run.length >= 2) runs.push(run.join(' '));
    run = [];
  }
  return runs;
}

/** The texts `translateDecision` leaves untranslated, with what is left in English. */
function untranslated(texts: readonly string[]): string[] {
  const problems: string[] = [];
  for (const text of texts) {
    const zh = translateDecision(text, 'zh');
    if (zh === text || !/[\u4e00-\u9fff]/.test(zh)) problems.push(`no pattern: ${text}`);
    else if (leftoverEnglish(zh).length > 0) problems.push(`"${leftoverEnglish(zh).join('", "')}" left in: ${zh}`);
  }
  return problems;
}

describe('translateDecision', () => {
  it('returns the English text unchanged for English', () => {
    const text = 'wants 3 pods, has 2 active: created 1 of 1 in slow-start batch 1';
    expect(translateDecision(text, 'en')).toBe(text);
  });

  it('falls back to the English text when no pattern knows it', () => {
    expect(translateDecision('the scheduler had a bad day', 'zh')).toBe('the scheduler had a bad day');
  });

  it('keeps a fragment it cannot translate in English inside a translated sentence', () => {
    expect(translateDecision('deleted the pod: a reason from the future', 'zh')).toBe(
      '删除了该 Pod：a reason from the future',
    );
  });

  it.each([
    // ReplicaSet: creation in slow-start batches, deletion naming the pods it chose.
    [
      'wants 3 pods, has 0 active: created 3 of 3 in slow-start batches 1, 2',
      '期望 3 个 Pod，现有 0 个活跃 Pod：计划创建 3 个，按慢启动批次 1、2 创建了 3 个',
    ],
    [
      'wants 1 pod, has 3 active: deleted 2, least established first: web-7d4-x2k9p (Pending, not ready), web-7d4-q8m2z (Running, ready 42s)',
      '期望 1 个 Pod，现有 3 个活跃 Pod：删除了 2 个，最不稳定的优先：web-7d4-x2k9p（Pending，未就绪）、web-7d4-q8m2z（Running，已就绪 42 秒）',
    ],
    // Deployment rolling update: created, scaled up within maxSurge, waiting on the availability budget.
    [
      'created new ReplicaSet web-5545978884 (revision 2) with 1 replica: maxSurge 1 (25% of 3, rounded up) allows 4 pods and the ReplicaSets have 3',
      '创建了新的 ReplicaSet web-5545978884（修订版本 2），副本数为 1：maxSurge 1（3 的 25%，向上取整）允许最多 4 个 Pod，各 ReplicaSet 现有 3 个',
    ],
    [
      'maxSurge 1 (25% of 3, rounded up) allows 4 pods and the ReplicaSets have 3: scaled up new ReplicaSet web-5545978884 from 1 to 2',
      'maxSurge 1（3 的 25%，向上取整）允许最多 4 个 Pod，各 ReplicaSet 现有 3 个：将新的 ReplicaSet web-5545978884 从 1 扩容到 2',
    ],
    [
      'waiting: maxSurge 1 allows 4 pods and the ReplicaSets already have 4; old ReplicaSets may not shrink: 4 pods − 3 minimum available (maxUnavailable 0 (25% of 3, rounded down)) − 1 unavailable new = 0',
      '等待中：maxSurge 1 允许最多 4 个 Pod，而各 ReplicaSet 已有 4 个；旧的 ReplicaSet 暂时不能缩容：4 个 Pod − 最少可用 3 个（maxUnavailable 0（3 的 25%，向下取整））− 不可用的新 Pod 1 个 = 0',
    ],
    [
      'maxUnavailable 0 (25% of 3, rounded down) keeps at least 3 available and 4 are, so 1 old pod may go: scaled down old ReplicaSet web-7fc9dc5b5f from 3 to 2',
      'maxUnavailable 0（3 的 25%，向下取整）要求至少 3 个可用，目前有 4 个可用，因此可以去掉 1 个旧 Pod：将旧的 ReplicaSet web-7fc9dc5b5f 从 3 缩容到 2',
    ],
    // StatefulSet: OrderedReady creation and waiting.
    [
      'created web-1 at revision web-669bbddcc (OrderedReady: one pod at a time, lowest missing ordinal first, each after the ones below it are Running and Ready)',
      '创建了 web-1，使用修订版本 web-669bbddcc（OrderedReady：一次一个 Pod，从缺失的最小序号开始，每个都要等序号更小的 Pod 全部处于 Running 且就绪之后）',
    ],
    [
      'web-1 waits: web-0 is not Running and Ready (phase Pending)',
      'web-1 在等待：web-0 尚未处于 Running 且就绪状态（阶段为 Pending）',
    ],
    [
      'scaling down to 0: deleting app-2, the highest ordinal out of range; app-1 is deleted only after app-2 is gone (OrderedReady)',
      '缩容到 0：删除超出范围的最大序号 Pod app-2；app-1 要等 app-2 消失后才会被删除（OrderedReady）',
    ],
    // DaemonSet: the nodes that get a pod and those that do not.
    [
      'creating a daemon pod for worker1, worker2: each of these nodes should run one and has none; none for master1 (it has the taint node-role.kubernetes.io/control-plane:NoSchedule, which the pod does not tolerate)',
      '为 worker1、worker2 创建 DaemonSet Pod：这些节点都应各运行一个，但还没有；不为 master1（节点有污点 node-role.kubernetes.io/control-plane:NoSchedule，而 Pod 不容忍它）创建',
    ],
    // Job, CronJob.
    [
      'wants 2 active (min(completions 5 − succeeded 3, parallelism 2)), has 1: created 1 of 1',
      '期望 2 个活跃 Pod（min(completions 5 − 已成功 3, parallelism 2)），现有 1 个：计划创建 1 个，创建了 1 个',
    ],
    [
      'created Job hello-29460061 for 2026-01-05T09:01:00Z (concurrencyPolicy Allow)',
      '为 2026-01-05T09:01:00Z 创建了 Job hello-29460061（concurrencyPolicy 为 Allow）',
    ],
    // Endpoints.
    [
      'db-2 (10.244.1.2) added to addresses: it is Ready, so the Service sends it traffic',
      'db-2（10.244.1.2）已加入 addresses：它已就绪，Service 会把流量发给它',
    ],
    // HPA: the metric, the limits, the scaling; and an error kept verbatim with the hint translated.
    [
      'cpu 1000% of request (target 10%): 1 → 100 (ceil(1 × 100)), limited to 4 by the scale-up limit max(2 × 1, 4) = 4: scaled Deployment/hpa-nginx from 1 to 4',
      'cpu 用量为请求值的 1000%（目标 10%）：1 → 100（ceil(1 × 100)），受扩容上限 max(2 × 1, 4) = 4 限制为 4：把 Deployment/hpa-nginx 的副本数从 1 调整为 4',
    ],
    [
      'cannot compute a replica count: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container app of Pod app-rs-7grxq — a cpu utilization target needs resources.requests.cpu on every container',
      '无法计算副本数：“invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: missing request for cpu in container app of Pod app-rs-7grxq”——以 CPU 利用率为目标时，每个容器都必须设置 resources.requests.cpu',
    ],
    // Node lifecycle, taint eviction, garbage collector.
    [
      'tainted node.kubernetes.io/unreachable:NoExecute: its kubelet is not heard from; pods that do not tolerate the taint are evicted, most tolerate it for 300s',
      '添加了污点 node.kubernetes.io/unreachable:NoExecute：它的 kubelet 失联了；不容忍该污点的 Pod 会被驱逐，大多数 Pod 会容忍它 300 秒',
    ],
    [
      'deleted the pod: node worker2 has the taints node.kubernetes.io/unreachable:NoExecute, dedicated=gpu:NoExecute, which it tolerates for 300s (since 2026-01-05T09:05:00Z)',
      '删除了该 Pod：节点 worker2 有污点 node.kubernetes.io/unreachable:NoExecute、dedicated=gpu:NoExecute，该 Pod 只容忍它 300 秒（自 2026-01-05T09:05:00Z 起）',
    ],
    [
      'deleted it (propagation Background): its owner ReplicaSet my-repset no longer exists',
      '删除了它（传播策略 Background）：它的属主 ReplicaSet my-repset 已不存在',
    ],
  ])('translates %s', (english, chinese) => {
    expect(translateDecision(english, 'zh')).toBe(chinese);
  });

  it('translates the wordings the example scripts do not reach, leaving no English', () => {
    expect(untranslated(WORDINGS_BEYOND_EXAMPLES)).toEqual([]);
  });

  it('translates every decision the example scripts record, leaving no English', { timeout: 60_000 }, () => {
    const texts = exampleDecisionTexts();
    expect(texts.length).toBeGreaterThan(400);
    expect(untranslated(texts)).toEqual([]);
  });
});

/** One text per engine wording (src/engine/controllers) that no example script produces. */
const WORDINGS_BEYOND_EXAMPLES = [
  // deployment
  "ReplicaSet web-5d4 exists but is not this Deployment's template (a hash collision): collisionCount 0 → 1, so the next sync hashes to a different name",
  'could not create new ReplicaSet web-5d4 (replicasets.apps "web-5d4" is forbidden: exceeded quota): retrying with backoff',
  'the Deployment wants only 2: scaled down new ReplicaSet web-5d4 from 3 to 2',
  'waiting: maxSurge 0 allows 3 pods and the ReplicaSets already have 3; maxUnavailable 1 (0% of 3 and maxSurge both resolve to 0, so 1) keeps at least 2 available and only 1 are',
  'maxUnavailable 3 (5, capped at 3 replicas) keeps at least 0 available and 3 are, so 3 old pods may go: scaled down old ReplicaSet web-1 from 3 to 0',
  'new ReplicaSet web-2 has all 3 available: scaled down old ReplicaSet web-1 from 1 to 0',
  'all old pods are gone, so Recreate starts all: scaled up new ReplicaSet web-2 from 0 to 3',
  'waiting for old pods to stop before starting the new ones: pod web-1-x2k9p is still running',
  'scaling during a rollout: 0 (scaling to 0) pods allowed, the active ReplicaSets have 4, so remove 4 in proportion to their sizes (largest first): web-1 3 → 0 → -3; web-2 1 → 0 → -1',
  'scaling during a rollout: 5 + maxSurge 1 = 6 pods allowed, the active ReplicaSets have 4, so add 2 in proportion to their sizes (largest first): web-2 2 (no size to compare with) → +0, plus the leftover 2; web-1 stays at 0',
  'rolled back to revision 2: took the template of ReplicaSet web-1',
  'adopted orphan ReplicaSet web-1: its labels match selector app=web',
  'released pod web-1-x2k9p: its labels no longer match selector app=web',
  'sync failed (Operation cannot be fulfilled on deployments.apps "web"): retrying',
  'sync failed (Operation cannot be fulfilled on deployments.apps "web"): retrying with backoff',
  'sync failed (Internal error occurred): gave up after 15 retries until the Deployment changes',
  'sync failed, retrying with backoff: Internal error occurred',
  // replicaset
  'wants 600 pods, has 0 active: created 499 of 500 (at most 500 per sync) in slow-start batches 1, 2, 4, 8, 16, 32, 64, 128, 245; a create failed (pods "web-x" is forbidden: exceeded quota), so the rest wait for the next sync',
  'wants 1 pod, has 2 active: deleted 1, least established first: web-x2k9p (unscheduled, Pending, not ready, deletion cost -5)',
  // job, cronjob
  'suspended: deleting its 2 active pod(s)',
  'wants 1 active, has 2: deleting 1',
  '2 pod failure(s) since the last success: the next pod waits 20s after the latest failure (10s, doubled per failure, at most 10m)',
  'wants 2 active (parallelism 2, no completions set), has 0: created 2 of 2',
  'failing: container restarts reached backoffLimit 6',
  'failing: 7 failed pod(s), more than backoffLimit 6',
  'failing: active for 10s, activeDeadlineSeconds is 10',
  'Complete waits: 1 pod(s) still terminating',
  'suspended: no Job is started (missed times count once it resumes)',
  'skipped 2026-01-05T09:01:00Z: concurrencyPolicy Forbid and a Job still runs',
  'did not start a Job for 2026-01-05T09:01:00Z: it is more than startingDeadlineSeconds (10s) ago',
  // garbage collector
  'removed its ownerReferences to ReplicaSet web-1: Deployment web, Deployment web2 still owns it',
  'deleted it (propagation Foreground): its owner Deployment web is being deleted in the foreground and it has dependents',
  // node lifecycle, taint eviction, pod GC
  'tainted node.kubernetes.io/unschedulable:NoSchedule: the node is cordoned; only pods that tolerate it are scheduled there',
  'removed node.kubernetes.io/memory-pressure:NoSchedule: the condition cleared',
  'no heartbeat from its kubelet for 50s (grace period 50s): set Ready, MemoryPressure, DiskPressure and PIDPressure to Unknown',
  'tainted node.kubernetes.io/not-ready:NoExecute: its kubelet is not ready; pods that do not tolerate the taint are evicted, most tolerate it for 300s',
  'removed node.kubernetes.io/unreachable:NoExecute: the node is Ready again',
  'deleted the pod: node worker1 has the taint dedicated=gpu:NoExecute, which it does not tolerate',
  'force-deleted the pod: it is terminating and was never scheduled to a node',
  'force-deleted the pod: there are more than 12500 terminated pods',
  'force-deleted the pod: it is terminating on node worker1, which is not Ready and tainted node.kubernetes.io/out-of-service',
  'force-deleted the pod: its node worker1 no longer exists',
  // namespace
  'content deletion failed, retrying: pods "web" is forbidden; configmaps "x" is forbidden',
  "deleted the namespace's content; 3 pods, 1 configmaps still going: expecting up to 30s, looking again in 16s",
  "deleted the namespace's content: expecting up to 2s, looking again in 2s",
  'the namespace is empty: removed the kubernetes finalizer',
  // endpoints, volumes
  'web-1 (10.244.1.5) removed: the pod was deleted',
  'web-1 (10.244.1.5) removed: the pod has finished (Succeeded)',
  'reclaim policy Delete: deleted pv-1',
  'reclaim policy Delete: removed its directory and deleted the volume',
  // daemonset
  'rolling update (maxSurge 1 (10% of 4 nodes, rounded up)): creating new pods on worker1, worker2 next to the old ones; each old pod is deleted once its replacement is available',
  'rolling update: deleting old ds-a, ds-b: the new pod on the node is available (or the old one was not)',
  'rolling update waits: 2 new pod(s) not available yet, maxSurge 1',
  'rolling update (maxUnavailable 2): deleting old ds-a, ds-b; 3 node(s) were unavailable before (worker1: old ds-c not available; worker2: extra pods; worker3: old and new pod), and each emptied node gets a new pod on the next sync',
  'ds-a keeps running on worker1 although it has the taint dedicated=gpu:NoSchedule, which the pod does not tolerate: only a NoExecute taint removes a running daemon pod, so it counts as misscheduled',
  'ds-a on worker1 failed again: waiting 20s before deleting it (the wait doubles with each failed pod on a node, up to 15 min)',
  'ds-a on worker1 failed: deleting it so that a new pod can run there',
  'ds-a on worker1 exited: deleting it so that a new pod can run there',
  'worker1 runs 3 daemon pods: keeping the oldest, ds-a, and deleting ds-b, ds-c',
  'deleting old pod ds-a on worker1: it is not ready, and new pod ds-b replaces it',
  'deleting old pod ds-a on worker1: new pod ds-b is available (maxSurge keeps the old one only until then)',
  'deleting ds-a, ds-b: pinned to node worker9, which no longer exists',
  "deleting ds-a on worker1: the template's nodeName is worker2",
  'the template is back to the one of ControllerRevision ds-6d5: it becomes revision 3, and pods labelled with its hash count as up to date again',
  'adopted orphan pod ds-x: its labels match selector app=ds',
  // statefulset
  'rolling update complete: the 1 pod runs revision web-1 and is ready, so currentRevision becomes web-1',
  'rolling update complete: no pod exists right now, so none runs an older revision and currentRevision becomes web-2',
  'adopted orphan pod web-0: its name and labels (app=web) make it a member of the set',
  'released pod web-0: its name or labels (app=web) no longer make it a member of the set',
  'web-0 has phase Failed: deleting it; a new web-0 is created once the old one is gone',
  'web-0 lost part of its identity (labels or claim volumes): restored it',
  'scale down to 1 waits: web-2 is Ready but not yet available (minReadySeconds 10), and only the lowest unhealthy pod (web-1) may be deleted while unhealthy',
  'scale down to 1 waits: web-1 is not Running and Ready (Running, not Ready) (OrderedReady)',
  'rolling update waits: web-2 is Running and Ready; web-1 is updated only after it',
  // podautoscaler
  'Deployment/web has 0 replicas: autoscaling is off until it has some: keeping 0',
  'Deployment/web has 12 replicas, more than maxReplicas 10: scaled Deployment/web from 12 to 10',
  'Deployment/web has 1 replicas, fewer than minReplicas 2: scaled Deployment/web from 1 to 2',
  'memory 120Mi per pod (target 100Mi) (1 not-ready pod(s) counted as idle, 1 pod(s) without metrics counted as at their request): 2 → 3 (ceil(2 × 1.2)), held at 3, the lowest recommendation of the last 60s, limited to 3 by the scale-up policies: could not scale Deployment/web to 3 (deployments.apps "web" not found)',
  'cpu 20% of request (target 50%): 4 → 2 (counting the other pods would reverse the direction), limited to 3 by the scale-down policies: scaled Deployment/web from 4 to 3',
];
