/**
 * The engine's decision wordings (src/engine/controllers/**, each group below names its source) as patterns over
 * one fragment, each with its Simplified Chinese template. Terms follow the Chinese Kubernetes documentation: kinds
 * and fields stay English (Pod, ReplicaSet, maxSurge, partition …), Ready is 就绪, available 可用, revision
 * 修订版本, taint 污点, owner 属主, namespace 名字空间.
 *
 * Template placeholders, `{group}` or `{group:mode}` or `{group:mode@scope}`:
 * - no mode: the matched text verbatim (names, numbers, times);
 * - `t`: the text translated as a fragment itself (English when nothing matches it);
 * - `w`: a word of DECISION_WORDS;
 * - `q`: Kubernetes' own message, verbatim in quotes;
 * - `names`: a ", " list of names, joined with 、;
 * - `each` / `clauses` / `parts`: a ", " / ", " / "; " list whose items are translated, joined with 、 / ， / ；.
 * `@scope` lets items match the patterns of that scope, which never match a whole decision. A `[[…]]` section is
 * left out unless every group it names matched.
 */

export interface DecisionPattern {
  /** Matches a whole fragment. */
  pattern: RegExp;
  zh: string;
  scope?: string;
}

function p(source: string, zh: string, scope?: string): DecisionPattern {
  return { pattern: new RegExp(`^(?:${source})$`), zh, ...(scope === undefined ? {} : { scope }) };
}

/** fenceposts.ts describeMaxSurge / describeMaxUnavailable: "maxSurge 1 (25% of 3, rounded up)". */
const SURGE = String.raw`maxSurge \d+(?: \([^()]*\))?`;
const UNAVAILABLE = String.raw`maxUnavailable \d+(?: \([^()]*\))?`;
/** daemonset/rollingUpdate.ts describeBudget: "maxUnavailable 2 (10% of 12 nodes, rounded up)". */
const NODE_BUDGET = String.raw`max(?:Surge|Unavailable) \d+(?: \([^()]*\))?`;
const STATEFUL_ORDER = String.raw`\(OrderedReady: one pod at a time, lowest missing ordinal first, each after the ones below it are Running and Ready\)`;

/** Single words and set phrases the templates pick by `{group:w}`. */
export const DECISION_WORDS: Readonly<Record<string, string>> = {
  up: '扩容',
  down: '缩容',
  new: '新的',
  old: '旧的',
  add: '增加',
  remove: '减少',
  pod: 'Pod',
  ReplicaSet: 'ReplicaSet',
  'rounded up': '向上取整',
  'rounded down': '向下取整',
  highest: '最高',
  lowest: '最低',
  'scale-up': '扩容',
  'scale-down': '缩容',
  'not heard from': '失联了',
  'not ready': '未就绪',
};

export const DECISION_PATTERNS: readonly DecisionPattern[] = [
  // deployment/deploymentRun.ts scaleReplicaSet: "<because>: scaled up new ReplicaSet web-5d4 from 1 to 2".
  p(
    String.raw`(?<why>.+): scaled (?<dir>up|down) (?<role>new|old) ReplicaSet (?<rs>\S+) from (?<from>\d+) to (?<to>\d+)`,
    '{why:t}：将{role:w} ReplicaSet {rs} 从 {from} {dir:w}到 {to}',
  ),
  // deployment/fenceposts.ts
  p(
    String.raw`(?<field>maxSurge|maxUnavailable) (?<n>\d+) \((?<raw>\S+) of (?<of>\d+), (?<round>rounded up|rounded down)\)`,
    '{field} {n}（{of} 的 {raw}，{round:w}）',
  ),
  p(
    String.raw`maxUnavailable 1 \((?<raw>\S+) of (?<of>\d+) and maxSurge both resolve to 0, so 1\)`,
    'maxUnavailable 1（{of} 的 {raw} 与 maxSurge 都算得 0，因此取 1）',
  ),
  p(
    String.raw`maxUnavailable (?<n>\d+) \((?<raw>\S+), capped at (?<of>\d+) replicas\)`,
    'maxUnavailable {n}（{raw}，最多为副本数 {of}）',
  ),
  p(
    String.raw`(?<field>maxSurge|maxUnavailable) (?<n>\d+) \((?<raw>\S+) of (?<of>\d+) nodes, rounded up\)`,
    '{field} {n}（{of} 个节点的 {raw}，向上取整）',
  ),
  p(String.raw`(?<field>maxSurge|maxUnavailable) (?<n>-?\d+)`, '{field} {n}'),
  // deployment/newReplicaSet.ts
  p(
    String.raw`(?<surge>${SURGE}) allows (?<max>\d+) pods? and the ReplicaSets already have (?<total>\d+)`,
    '{surge:t} 允许最多 {max} 个 Pod，而各 ReplicaSet 已有 {total} 个',
  ),
  p(
    String.raw`(?<surge>${SURGE}) allows (?<max>\d+) pods? and the ReplicaSets have (?<total>\d+)(?:, but only (?<missing>\d+) more (?:is|are) wanted)?`,
    '{surge:t} 允许最多 {max} 个 Pod，各 ReplicaSet 现有 {total} 个[[，但只还需要 {missing} 个]]',
  ),
  p(String.raw`Recreate starts all (?<n>\d+) replicas?`, 'Recreate 策略一次启动全部 {n} 个副本'),
  p(
    String.raw`created new ReplicaSet (?<rs>\S+) \(revision (?<rev>\d+)\) with (?<n>\d+) replicas?: (?<why>.+)`,
    '创建了新的 ReplicaSet {rs}（修订版本 {rev}），副本数为 {n}：{why:t}',
  ),
  p(
    String.raw`the template matches ReplicaSet (?<rs>\S+) again: it becomes the new ReplicaSet with revision (?<rev>\d+) \(was (?<was>\d+), kept in its revision-history\)`,
    '模板与 ReplicaSet {rs} 再次一致：它重新成为新的 ReplicaSet，修订版本为 {rev}（原为 {was}，记在它的 revision-history 注解里）',
  ),
  p(
    String.raw`ReplicaSet (?<rs>\S+) exists but is not this Deployment's template \(a hash collision\): collisionCount (?<from>\d+) → (?<to>\d+), so the next sync hashes to a different name`,
    'ReplicaSet {rs} 已存在，但不是这个 Deployment 的模板（哈希冲突）：collisionCount {from} → {to}，下次同步会算出另一个名字',
  ),
  p(
    String.raw`could not create new ReplicaSet (?<rs>\S+) \((?<error>.+)\): retrying with backoff`,
    '无法创建新的 ReplicaSet {rs}（{error:q}）：退避后重试',
  ),
  // deployment/rolling.ts
  p(String.raw`waiting: (?<why>.+)`, '等待中：{why:parts}'),
  p(String.raw`old ReplicaSets may not shrink: (?<budget>.+)`, '旧的 ReplicaSet 暂时不能缩容：{budget:t}'),
  p(
    String.raw`(?<all>\d+) pods − (?<min>\d+) minimum available \((?<unavailable>${UNAVAILABLE})\) − (?<notNew>\d+) unavailable new = (?<left>-?\d+)`,
    '{all} 个 Pod − 最少可用 {min} 个（{unavailable:t}）− 不可用的新 Pod {notNew} 个 = {left}',
  ),
  p(
    String.raw`(?<n>\d+) pods? of (?<of>\d+) unavailable, within the scale-down budget (?<budget>.+)`,
    '{of} 个中有 {n} 个 Pod 不可用，在缩容预算之内：{budget:t}',
  ),
  p(
    String.raw`(?<unavailable>${UNAVAILABLE}) keeps at least (?<min>\d+) available and only (?<available>\d+) are`,
    '{unavailable:t} 要求至少 {min} 个可用，而目前只有 {available} 个可用',
  ),
  p(
    String.raw`(?<unavailable>${UNAVAILABLE}) keeps at least (?<min>\d+) available and (?<available>\d+) are, so (?<n>\d+) old pods? may go`,
    '{unavailable:t} 要求至少 {min} 个可用，目前有 {available} 个可用，因此可以去掉 {n} 个旧 Pod',
  ),
  p(String.raw`the Deployment wants only (?<n>\d+)`, 'Deployment 只需要 {n} 个副本'),
  // deployment/scaleReplicaSets.ts
  p(String.raw`the Deployment wants (?<n>\d+) replicas?`, 'Deployment 需要 {n} 个副本'),
  p(
    String.raw`new ReplicaSet (?<rs>\S+) has all (?<n>\d+) available`,
    '新的 ReplicaSet {rs} 的全部 {n} 个副本都已可用',
  ),
  p(
    String.raw`scaling during a rollout: (?<allowance>.+) pods allowed, the active ReplicaSets have (?<total>\d+), so (?<op>add|remove) (?<n>\d+) in proportion to their sizes \(largest first\): (?<shares>.+)`,
    '上线过程中扩缩：允许 {allowance:t} 个 Pod，活跃的 ReplicaSet 现有 {total} 个，因此按各自大小的比例{op:w} {n} 个（从大到小）：{shares:parts@share}',
  ),
  p(String.raw`(?<replicas>\d+) \+ (?<surge>${SURGE}) = (?<allowed>\d+)`, '{replicas} + {surge:t} = {allowed}'),
  p(String.raw`0 \(scaling to 0\)`, '0（缩容到 0）'),
  p(
    String.raw`(?<rs>\S+) (?<why>.+?)(?:, plus the leftover (?<leftover>-?\d+))?`,
    '{rs}：{why:t}[[，另加余数 {leftover}]]',
    'share',
  ),
  p(String.raw`stays at (?<n>\d+)`, '保持为 {n}'),
  p(String.raw`(?<size>\d+) \(no size to compare with\) → (?<share>[+-]?\d+)`, '{size}（没有可比较的大小）→ {share}'),
  // The proportion's arithmetic reads the same in Chinese.
  p(String.raw`(?<sum>\d+(?: × \d+ / \d+ = [\d.]+ ≈ \d+)? → (?:0 → )?[+-]?\d+)`, '{sum}'),
  p(String.raw`proportional share of (?<rs>\S+)`, '{rs} 按比例分得的份额'),
  // deployment/sync.ts
  p(
    String.raw`scaling event: ReplicaSet (?<rs>\S+) was sized for (?<n>\d+) replicas?, the Deployment now wants (?<want>\d+)`,
    '扩缩事件：ReplicaSet {rs} 是按 {n} 个副本设定的，而 Deployment 现在需要 {want} 个',
  ),
  p(
    'paused: template changes wait for resume; only scaling and history cleanup run',
    '已暂停：模板的修改要等恢复后才生效；期间只进行扩缩和历史清理',
  ),
  p(
    'resumed: the rollout continues, and the progress deadline counts from now',
    '已恢复：上线继续进行，进度期限从现在开始计算',
  ),
  // deployment/progress.ts
  p(
    String.raw`rollout complete: all (?<n>\d+) replicas are updated and available`,
    '上线完成：全部 {n} 个副本都已更新并且可用',
  ),
  p(
    String.raw`no progress for progressDeadlineSeconds (?<s>\d+) since (?<since>\S+): Progressing is now False \(ProgressDeadlineExceeded\); the rollout keeps trying`,
    '自 {since} 起超过 progressDeadlineSeconds（{s} 秒）没有进展：Progressing 现在为 False（ProgressDeadlineExceeded）；上线仍在继续尝试',
  ),
  // deployment/recreate.ts
  p('Recreate stops every old pod before starting new ones', 'Recreate 策略先停掉所有旧 Pod，再启动新 Pod'),
  p(
    String.raw`waiting for old pods to stop before starting the new ones: (?<why>.+)`,
    '等旧 Pod 停止后才启动新 Pod：{why:t}',
  ),
  p(String.raw`old ReplicaSets still report (?<n>\d+) pods`, '旧的 ReplicaSet 仍报告有 {n} 个 Pod'),
  p(String.raw`pod (?<pod>\S+) is still terminating`, 'Pod {pod} 仍在终止中'),
  p(String.raw`pod (?<pod>\S+) is still running`, 'Pod {pod} 仍在运行'),
  p('all old pods are gone, so Recreate starts all', '旧 Pod 已全部消失，因此 Recreate 策略一次启动全部新 Pod'),
  // deployment/cleanupDeployment.ts, rollback.ts
  p(
    String.raw`revisionHistoryLimit (?<limit>\d+) keeps (?<keep>\d+) old ReplicaSets?, there are (?<n>\d+): deleted ReplicaSet (?<rs>\S+) \(revision (?<rev>[^()]+)\)`,
    'revisionHistoryLimit {limit} 只保留 {keep} 个旧 ReplicaSet，现有 {n} 个：删除了 ReplicaSet {rs}（修订版本 {rev}）',
  ),
  p(
    String.raw`rolled back to revision (?<rev>\d+): took the template of ReplicaSet (?<rs>\S+)`,
    '已回滚到修订版本 {rev}：采用了 ReplicaSet {rs} 的模板',
  ),
  // deployment/deploymentController.ts, replicaset/replicaController.ts, daemonset/daemonPods.ts
  p(
    String.raw`adopted orphan (?<kind>ReplicaSet|pod) (?<name>\S+): its labels match selector (?<selector>.*)`,
    '领养了孤儿 {kind:w} {name}：它的标签匹配选择算符 {selector}',
  ),
  p(
    String.raw`released (?<kind>ReplicaSet|pod) (?<name>\S+): its labels no longer match selector (?<selector>.*)`,
    '释放了 {kind:w} {name}：它的标签不再匹配选择算符 {selector}',
  ),
  p(String.raw`sync failed \((?<error>.+)\): retrying`, '同步失败（{error:q}）：重试'),
  p(
    String.raw`sync failed \((?<error>.+)\): gave up after 15 retries until the Deployment changes`,
    '同步失败（{error:q}）：重试 15 次后放弃，直到 Deployment 发生变化',
  ),
  p(String.raw`sync failed \((?<error>.+)\): retrying with backoff`, '同步失败（{error:q}）：退避后重试'),
  // history/retryFailedSync.ts
  p(String.raw`sync failed, retrying with backoff: (?<error>.+)`, '同步失败，退避后重试：{error:q}'),

  // replicaset/manageReplicas.ts
  p(
    String.raw`wants (?<want>\d+) pods?, has (?<has>\d+) active: (?<action>.+)`,
    '期望 {want} 个 Pod，现有 {has} 个活跃 Pod：{action:t}',
  ),
  p(
    String.raw`(?<created>created .+); a create failed \((?<error>.+)\), so the rest wait for the next sync`,
    '{created:t}；有一次创建失败（{error:q}），其余的等下一次同步',
  ),
  p(
    String.raw`created (?<done>\d+) of (?<n>\d+)(?: \(at most (?<burst>\d+) per sync\))? in slow-start batch(?:es)? (?<batches>\d+(?:, \d+)*)`,
    '计划创建 {n} 个[[（每次同步最多 {burst} 个）]]，按慢启动批次 {batches:names} 创建了 {done} 个',
  ),
  p(
    String.raw`deleted (?<n>\d+), least established first: (?<pods>.+)`,
    '删除了 {n} 个，最不稳定的优先：{pods:each@pod}',
  ),
  p(String.raw`deleted (?<n>\d+): (?<pods>.+)`, '删除了 {n} 个：{pods:each@pod}'),
  // replicaset/rankPodsForDeletion.ts describePodForDeletion: "web-x2k9p (Running, ready 42s)".
  p(String.raw`(?<pod>\S+) \((?<facts>[^()]+)\)`, '{pod}（{facts:clauses}）', 'pod'),
  p('(?<phase>Pending|Running|Succeeded|Failed|Unknown)', '{phase}'),
  p('unscheduled', '未调度'),
  p('not ready', '未就绪'),
  p(String.raw`ready (?<s>\d+)s`, '已就绪 {s} 秒'),
  p(String.raw`deletion cost (?<n>-?\d+)`, '删除开销 {n}'),

  // job/manageJob.ts, jobController.ts, trackJobStatus.ts, ttlAfterFinishedController.ts
  p(String.raw`suspended: deleting its (?<n>\d+) active pod\(s\)`, '已挂起：删除它的 {n} 个活跃 Pod'),
  p(
    String.raw`wants (?<want>\d+) active, has (?<has>\d+): deleting (?<n>\d+)`,
    '期望 {want} 个活跃 Pod，现有 {has} 个：删除 {n} 个',
  ),
  p(
    String.raw`(?<n>\d+) pod failure\(s\) since the last success: the next pod waits (?<s>[\d.]+)s after the latest failure \(10s, doubled per failure, at most 10m\)`,
    '自上次成功以来 Pod 失败了 {n} 次：下一个 Pod 要在最近一次失败后等待 {s} 秒（从 10 秒起，每次失败翻倍，最多 10 分钟）',
  ),
  p(
    String.raw`wants (?<want>\d+) active \((?<why>.+)\), has (?<has>\d+): created (?<done>\d+) of (?<n>\d+)`,
    '期望 {want} 个活跃 Pod（{why:t}），现有 {has} 个：计划创建 {n} 个，创建了 {done} 个',
  ),
  p(String.raw`parallelism (?<n>\d+), no completions set`, 'parallelism 为 {n}，未设置 completions'),
  p(
    String.raw`min\(completions (?<completions>\d+) − succeeded (?<succeeded>\d+), parallelism (?<parallelism>\d+)\)`,
    'min(completions {completions} − 已成功 {succeeded}, parallelism {parallelism})',
  ),
  p(
    String.raw`failing: container restarts reached backoffLimit (?<n>\d+)`,
    '即将失败：容器重启次数达到了 backoffLimit（{n}）',
  ),
  p(
    String.raw`failing: (?<n>\d+) failed pod\(s\), more than backoffLimit (?<limit>\d+)`,
    '即将失败：有 {n} 个 Pod 失败，超过了 backoffLimit（{limit}）',
  ),
  p(
    String.raw`failing: active for (?<s>\d+)s, activeDeadlineSeconds is (?<deadline>\d+)`,
    '即将失败：已运行 {s} 秒，activeDeadlineSeconds 为 {deadline}',
  ),
  p(
    String.raw`(?<condition>\S+) waits: (?<n>\d+) pod\(s\) still terminating`,
    '{condition} 条件在等待：还有 {n} 个 Pod 正在终止',
  ),
  p(String.raw`complete: (?<n>\d+) pod\(s\) succeeded`, '已完成：{n} 个 Pod 成功'),
  p(
    String.raw`deleted the Job \(foreground\): finished (?<s>\d+)s ago, ttlSecondsAfterFinished is (?<ttl>\d+)`,
    '以前台方式删除了该 Job：它在 {s} 秒前结束，ttlSecondsAfterFinished 为 {ttl}',
  ),

  // cronjob/cronJobController.ts
  p(
    String.raw`suspended: no Job is started \(missed times count once it resumes\)`,
    '已挂起：不会启动任何 Job（错过的调度时间在恢复后才计入）',
  ),
  p(
    String.raw`skipped (?<time>\S+): concurrencyPolicy Forbid and a Job still runs`,
    '跳过了 {time}：concurrencyPolicy 为 Forbid，而仍有 Job 在运行',
  ),
  p(
    String.raw`created Job (?<job>\S+) for (?<time>\S+) \(concurrencyPolicy (?<policy>\w+)\)`,
    '为 {time} 创建了 Job {job}（concurrencyPolicy 为 {policy}）',
  ),
  p(
    String.raw`did not start a Job for (?<time>\S+): it is more than startingDeadlineSeconds \((?<s>\d+)s\) ago`,
    '没有为 {time} 启动 Job：那已是 startingDeadlineSeconds（{s} 秒）之前',
  ),

  // garbagecollector/garbageCollector.ts
  p(
    'no dependent blocks its deletion any more: removed the foregroundDeletion finalizer',
    '已没有附属对象阻止删除它：移除了 foregroundDeletion Finalizer',
  ),
  p(
    String.raw`foreground deletion waits for (?<n>\d+) dependent\(s\) with blockOwnerDeletion: (?<dependents>.+)`,
    '前台删除在等待 {n} 个设置了 blockOwnerDeletion 的附属对象：{dependents:names}',
  ),
  p(
    String.raw`orphaned (?<n>\d+) dependent\(s\) \(removed their ownerReference to it\), then removed the orphan finalizer`,
    '孤立了 {n} 个附属对象（移除了它们指向它的 ownerReference），然后移除了 orphan Finalizer',
  ),
  p(
    String.raw`removed its ownerReferences to (?<gone>.+): (?<owners>.+) still owns it`,
    '移除了它指向 {gone:names} 的 ownerReferences：{owners:names} 仍是它的属主',
  ),
  p(String.raw`deleted it \(propagation (?<policy>\w+)\): (?<why>.+)`, '删除了它（传播策略 {policy}）：{why:t}'),
  p(String.raw`its owner (?<owners>.+) no longer exists`, '它的属主 {owners:names} 已不存在'),
  p(
    String.raw`its owner (?<owners>.+) is being deleted in the foreground and it has dependents`,
    '它的属主 {owners:names} 正在以前台方式删除，而它自己还有附属对象',
  ),
  p(
    String.raw`its owner (?<owners>.+) is being deleted in the foreground`,
    '它的属主 {owners:names} 正在以前台方式删除',
  ),

  // nodelifecycle/nodeConditionTaints.ts, monitorNodeHealth.ts
  p(
    String.raw`tainted (?<taint>\S+): the node is cordoned; only pods that tolerate it are scheduled there`,
    '添加了污点 {taint}：节点已被封锁（cordon）；只有容忍该污点的 Pod 才会被调度到这里',
  ),
  p(
    String.raw`tainted (?<taint>\S+): its condition says it cannot take new pods; only pods that tolerate it are scheduled there`,
    '添加了污点 {taint}：节点状况表明它不能接收新的 Pod；只有容忍该污点的 Pod 才会被调度到这里',
  ),
  p(String.raw`removed (?<taint>\S+): the condition cleared`, '移除了污点 {taint}：对应的节点状况已解除'),
  p(
    String.raw`no heartbeat from its kubelet for (?<s>\d+)s \(grace period (?<grace>[\d.]+)s\): set Ready, MemoryPressure, DiskPressure and PIDPressure to Unknown`,
    '已有 {s} 秒没有收到它的 kubelet 的心跳（宽限期 {grace} 秒）：把 Ready、MemoryPressure、DiskPressure 和 PIDPressure 设为 Unknown',
  ),
  p(
    String.raw`tainted (?<taint>\S+): its kubelet is (?<state>not heard from|not ready); pods that do not tolerate the taint are evicted, most tolerate it for 300s`,
    '添加了污点 {taint}：它的 kubelet {state:w}；不容忍该污点的 Pod 会被驱逐，大多数 Pod 会容忍它 300 秒',
  ),
  p(String.raw`removed (?<taint>\S+): the node is Ready again`, '移除了污点 {taint}：节点已重新就绪'),

  // tainteviction/taintEvictionController.ts
  p(String.raw`deleted the pod: (?<why>.+)`, '删除了该 Pod：{why:t}'),
  p(
    String.raw`node (?<node>\S+) has the taint (?<taint>\S+), which it does not tolerate`,
    '节点 {node} 有污点 {taint}，而该 Pod 不容忍它',
  ),
  p(
    String.raw`node (?<node>\S+) has the taints? (?<taints>.+), which it tolerates for (?<s>[\d.]+)s \(since (?<since>\S+)\)`,
    '节点 {node} 有污点 {taints:names}，该 Pod 只容忍它 {s} 秒（自 {since} 起）',
  ),

  // podgc/podGcController.ts
  p(String.raw`force-deleted the pod: (?<why>.+)`, '强制删除了该 Pod：{why:t}'),
  p('it is terminating and was never scheduled to a node', '它正在终止，且从未被调度到任何节点'),
  p(String.raw`there are more than (?<n>\d+) terminated pods`, '已终止的 Pod 超过了 {n} 个'),
  p(
    String.raw`it is terminating on node (?<node>\S+), which is not Ready and tainted (?<taint>\S+)`,
    '它正在节点 {node} 上终止，而该节点未就绪且带有污点 {taint}',
  ),
  p(String.raw`its node (?<node>\S+) no longer exists`, '它所在的节点 {node} 已不存在'),

  // namespace/namespaceController.ts, serviceaccount/serviceAccountController.ts
  p(String.raw`content deletion failed, retrying: (?<errors>.+)`, '删除内容失败，正在重试：{errors:q}'),
  p(
    String.raw`deleted the namespace's content(?:; (?<left>.+) still going)?: expecting up to (?<expected>\d+)s, looking again in (?<again>\d+)s`,
    '已删除名字空间中的内容[[；还有 {left:names} 正在删除]]：预计最多还要 {expected} 秒，{again} 秒后再检查',
  ),
  p('the namespace is empty: removed the kubernetes finalizer', '名字空间已清空：移除了 kubernetes Finalizer'),
  p("created the namespace's default ServiceAccount", '创建了该名字空间的 default ServiceAccount'),

  // servicelb/loadBalancerController.ts
  p(
    String.raw`the simulated cloud provisioned a load balancer at (?<ip>\S+) \(after (?<s>[\d.]+) s\); it forwards to the Service's node ports`,
    '模拟的云平台在 {ip} 制备了一个负载均衡器（耗时 {s} 秒）；它把流量转发到该 Service 的节点端口',
  ),

  // endpoint/endpointsController.ts
  p(
    String.raw`(?<pod>\S+) \((?<ip>[^()]+)\) added to addresses: it is Ready, so the Service sends it traffic`,
    '{pod}（{ip}）已加入 addresses：它已就绪，Service 会把流量发给它',
  ),
  p(
    String.raw`(?<pod>\S+) \((?<ip>[^()]+)\) moved to notReadyAddresses: it is no longer Ready, so the Service stops sending it traffic`,
    '{pod}（{ip}）已移到 notReadyAddresses：它不再就绪，Service 不再把流量发给它',
  ),
  p(
    String.raw`(?<pod>\S+) \((?<ip>[^()]+)\) added to notReadyAddresses: it is not Ready yet, so it gets no traffic`,
    '{pod}（{ip}）已加入 notReadyAddresses：它尚未就绪，不会收到流量',
  ),
  p(String.raw`(?<pod>\S+) \((?<ip>[^()]+)\) removed: (?<why>.+)`, '{pod}（{ip}）已移除：{why:t}'),
  p('the pod was deleted', 'Pod 已被删除'),
  p('the pod is terminating', 'Pod 正在终止'),
  p(String.raw`the pod has finished \((?<phase>\w+)\)`, 'Pod 已结束（{phase}）'),
  p("the pod no longer matches the Service's selector", 'Pod 不再匹配 Service 的选择算符'),

  // volume/persistentvolume/claimSync.ts, volumeSync.ts, localPathProvisioner.ts
  p(String.raw`bound to (?<volume>\S+): (?<why>.+)`, '已绑定到 {volume}：{why:t}'),
  p(
    String.raw`its claimRef names this claim \(it was provisioned or reserved for it\)`,
    '它的 claimRef 指向这个申领（它是为这个申领制备或预留的）',
  ),
  p(
    String.raw`the smallest Available volume of class "(?<class>[^"]*)" with room for the request and the access modes asked`,
    '它是存储类 “{class}” 中容量满足请求、支持所需访问模式的最小 Available 卷',
  ),
  p(
    String.raw`no existing volume fits (?<claim>\S+): asked class (?<class>\S+)'s provisioner (?<provisioner>\S+) to create one`,
    '没有现成的卷适合 {claim}：已请存储类 {class} 的制备器 {provisioner} 创建一个',
  ),
  p(
    String.raw`its claim (?<claim>\S+) is gone: Released, reclaim policy (?<policy>\w+)`,
    '它的申领 {claim} 已不存在：状态变为 Released，回收策略为 {policy}',
  ),
  p(
    'reclaim policy Delete: removed its directory and deleted the volume',
    '回收策略为 Delete：删除了它的目录，并删除了该卷',
  ),
  p(
    String.raw`reclaim policy Delete: removed (?<path>\S+) and deleted the volume`,
    '回收策略为 Delete：删除了目录 {path}，并删除了该卷',
  ),
  p(String.raw`reclaim policy Delete: deleted (?<volume>\S+)`, '回收策略为 Delete：删除了 {volume}'),
  p(
    String.raw`created (?<volume>\S+) \((?<size>[^()]+)\) as a directory on (?<node>\S+), the node the scheduler chose; the volume is pinned to that node \(after (?<s>[\d.]+) s\)`,
    '在调度器选定的节点 {node} 上以目录形式创建了 {volume}（{size}）；该卷被固定在这个节点上（耗时 {s} 秒）',
  ),

  // daemonset/daemonSetHistory.ts
  p(
    String.raw`recorded the template as ControllerRevision (?<revision>\S+) \(revision (?<n>\d+)\); its pods are labelled (?<label>\S+)`,
    '把模板记录为 ControllerRevision {revision}（修订版本 {n}）；它的 Pod 带有标签 {label}',
  ),
  p(
    String.raw`the template changed: new ControllerRevision (?<revision>\S+) \(revision (?<n>\d+)\); pods without (?<label>\S+) are out of date`,
    '模板已更改：新的 ControllerRevision {revision}（修订版本 {n}）；没有标签 {label} 的 Pod 已过时',
  ),
  p(
    String.raw`the template is back to the one of ControllerRevision (?<revision>\S+): it becomes revision (?<n>\d+), and pods labelled with its hash count as up to date again`,
    '模板恢复为 ControllerRevision {revision} 中的模板：它成为修订版本 {n}，带有它的哈希标签的 Pod 重新算作最新',
  ),
  // daemonset/rollingUpdate.ts
  p(
    String.raw`rolling update \((?<budget>${NODE_BUDGET})\): deleting old (?<pods>.+); (?<n>\d+) node\(s\) were unavailable before \((?<nodes>.*)\), and each emptied node gets a new pod on the next sync`,
    '滚动更新（{budget:t}）：删除旧 Pod {pods:names}；此前有 {n} 个节点不可用（{nodes:parts@node}），每个被腾空的节点会在下一次同步时得到新 Pod',
  ),
  p(
    String.raw`rolling update waits: (?<n>\d+) node\(s\) unavailable \((?<nodes>.*)\), (?<budget>${NODE_BUDGET}); (?<old>\d+) node\(s\) still run old pods`,
    '滚动更新等待中：{n} 个节点不可用（{nodes:parts@node}），{budget:t}；还有 {old} 个节点在运行旧 Pod',
  ),
  p(
    String.raw`rolling update \((?<budget>${NODE_BUDGET})\): creating new pods on (?<nodes>.+) next to the old ones; each old pod is deleted once its replacement is available`,
    '滚动更新（{budget:t}）：在 {nodes:names} 上创建新 Pod，与旧 Pod 并存；每个旧 Pod 在它的替代者可用后删除',
  ),
  p(
    String.raw`rolling update: deleting old (?<pods>.+): the new pod on the node is available \(or the old one was not\)`,
    '滚动更新：删除旧 Pod {pods:names}：节点上的新 Pod 已可用（或者旧 Pod 本来就不可用）',
  ),
  p(
    String.raw`rolling update waits: (?<n>\d+) new pod\(s\) not available yet, (?<budget>${NODE_BUDGET})`,
    '滚动更新等待中：{n} 个新 Pod 尚不可用，{budget:t}',
  ),
  p(String.raw`(?<node>\S+): (?<why>.+)`, '{node}：{why:t}', 'node'),
  p('extra pods', '有多余的 Pod'),
  p('old and new pod', '新旧 Pod 同时存在'),
  p('no running pod', '没有运行中的 Pod'),
  p(String.raw`(?<pod>\S+) not available yet`, '{pod} 尚不可用'),
  p(String.raw`old (?<pod>\S+) not available`, '旧 Pod {pod} 不可用'),
  p('none', '无'),
  // daemonset/manageDaemonPods.ts, nodeShouldRunDaemonPod.ts
  p(
    String.raw`(?<pods>.+) keeps running on (?<node>\S+) although (?<why>.+): only a NoExecute taint removes a running daemon pod, so it counts as misscheduled`,
    '{pods:names} 继续在 {node} 上运行，尽管{why:t}：只有 NoExecute 污点才会移除正在运行的 DaemonSet Pod，因此它被计为调度错误（misscheduled）',
  ),
  p(
    String.raw`(?<pod>\S+) on (?<node>\S+) failed again: waiting (?<s>\d+)s before deleting it \(the wait doubles with each failed pod on a node, up to 15 min\)`,
    '{pod} 在 {node} 上再次失败：等待 {s} 秒后再删除它（同一节点上每多一个失败的 Pod，等待时间就翻倍，最多 15 分钟）',
  ),
  p(
    String.raw`(?<pod>\S+) on (?<node>\S+) failed: deleting it so that a new pod can run there`,
    '{pod} 在 {node} 上失败了：删除它，以便在那里运行新的 Pod',
  ),
  p(
    String.raw`(?<pod>\S+) on (?<node>\S+) exited: deleting it so that a new pod can run there`,
    '{pod} 在 {node} 上已退出：删除它，以便在那里运行新的 Pod',
  ),
  p(
    String.raw`(?<node>\S+) runs (?<n>\d+) daemon pods: keeping the oldest, (?<kept>\S+), and deleting (?<pods>.+)`,
    '{node} 上运行着 {n} 个 DaemonSet Pod：保留最早的 {kept}，删除 {pods:names}',
  ),
  p(
    String.raw`deleting old pod (?<old>\S+) on (?<node>\S+): it is not ready, and new pod (?<new>\S+) replaces it`,
    '删除 {node} 上的旧 Pod {old}：它未就绪，由新 Pod {new} 替代',
  ),
  p(
    String.raw`deleting old pod (?<old>\S+) on (?<node>\S+): new pod (?<new>\S+) is available \(maxSurge keeps the old one only until then\)`,
    '删除 {node} 上的旧 Pod {old}：新 Pod {new} 已可用（maxSurge 只在此之前保留旧 Pod）',
  ),
  p(
    String.raw`deleting (?<pods>.+): pinned to node (?<node>\S+), which no longer exists`,
    '删除 {pods:names}：它们被固定到节点 {node}，而该节点已不存在',
  ),
  p(String.raw`deleting (?<pods>.+) on (?<node>\S+): (?<why>.+)`, '删除 {node} 上的 {pods:names}：{why:t}'),
  p(
    String.raw`creating a daemon pod for (?<nodes>.+?): this node should run one and has none(?:; none for (?<skipped>.+))?`,
    '为 {nodes:names} 创建 DaemonSet Pod：该节点应运行一个，但还没有[[；不为 {skipped:each@skipped} 创建]]',
  ),
  p(
    String.raw`creating a daemon pod for (?<nodes>.+?): each of these nodes should run one and has none(?:; none for (?<skipped>.+))?`,
    '为 {nodes:names} 创建 DaemonSet Pod：这些节点都应各运行一个，但还没有[[；不为 {skipped:each@skipped} 创建]]',
  ),
  p(String.raw`(?<node>\S+) \((?<why>.+)\)`, '{node}（{why:t}）', 'skipped'),
  p(String.raw`the template's nodeName is (?<node>\S+)`, '模板的 nodeName 是 {node}'),
  p(
    "its labels do not match the template's nodeSelector or required node affinity",
    '节点的标签不匹配模板的 nodeSelector 或必需的节点亲和性',
  ),
  p(String.raw`it has the taint (?<taint>\S+), which the pod does not tolerate`, '节点有污点 {taint}，而 Pod 不容忍它'),

  // statefulset/statefulPodControl.ts, statefulSetStatus.ts, statefulSetController.ts, statefulSetRevisions.ts
  p(
    String.raw`created PersistentVolumeClaim (?<claim>\S+) for (?<pod>\S+) before the pod itself; it is kept when the pod is deleted or the set scales down, and \S+ gets it back whenever it is recreated`,
    '先为 {pod} 创建了 PersistentVolumeClaim {claim}，然后才创建 Pod 本身；删除该 Pod 或 StatefulSet 缩容时它都会保留，{pod} 每次重建都会重新用上它',
  ),
  p(
    String.raw`rolling update complete: the 1 pod runs revision (?<revision>\S+) and is ready, so currentRevision becomes (?<current>\S+)`,
    '滚动更新完成：唯一的 Pod 运行修订版本 {revision} 并且已就绪，因此 currentRevision 变为 {current}',
  ),
  p(
    String.raw`rolling update complete: all (?<n>\d+) pods run revision (?<revision>\S+) and are ready, so currentRevision becomes (?<current>\S+)`,
    '滚动更新完成：全部 {n} 个 Pod 都运行修订版本 {revision} 并且已就绪，因此 currentRevision 变为 {current}',
  ),
  p(
    String.raw`rolling update complete: no pod exists right now, so none runs an older revision and currentRevision becomes (?<current>\S+)`,
    '滚动更新完成：目前没有任何 Pod，也就没有 Pod 运行旧的修订版本，因此 currentRevision 变为 {current}',
  ),
  p(
    String.raw`adopted orphan pod (?<pod>\S+): its name and labels \((?<selector>.*)\) make it a member of the set`,
    '领养了孤儿 Pod {pod}：它的名字和标签（{selector}）表明它属于这个 StatefulSet',
  ),
  p(
    String.raw`released pod (?<pod>\S+): its name or labels \((?<selector>.*)\) no longer make it a member of the set`,
    '释放了 Pod {pod}：它的名字或标签（{selector}）表明它不再属于这个 StatefulSet',
  ),
  p(
    String.raw`the template is back to the one of ControllerRevision (?<revision>\S+): it becomes revision (?<n>\d+) and the update revision again, instead of a new copy`,
    '模板恢复为 ControllerRevision {revision} 中的模板：它成为修订版本 {n}，并重新成为更新修订版本，而不是再复制一份',
  ),
  p(
    String.raw`the template changed: new ControllerRevision (?<revision>\S+) \(revision (?<n>\d+)\) is the update revision; pods made from older revisions are replaced per the update strategy`,
    '模板已更改：新的 ControllerRevision {revision}（修订版本 {n}）成为更新修订版本；由旧修订版本创建的 Pod 会按更新策略被替换',
  ),
  p(
    String.raw`recorded the template as ControllerRevision (?<revision>\S+) \(revision (?<n>\d+)\); every pod is made from it and labelled (?<label>\S+)`,
    '把模板记录为 ControllerRevision {revision}（修订版本 {n}）；每个 Pod 都由它创建，并带有标签 {label}',
  ),
  // statefulset/updateStatefulSet.ts
  p(
    String.raw`(?<pod>\S+) has phase (?<phase>\w+): deleting it; a new \S+ is created once the old one is gone`,
    '{pod} 的阶段为 {phase}：删除它；旧 Pod 消失后会创建新的 {pod}',
  ),
  p(
    String.raw`(?<pod>\S+) lost part of its identity \(labels or claim volumes\): restored it`,
    '{pod} 丢失了部分身份信息（标签或申领卷）：已恢复',
  ),
  p(
    String.raw`created (?<pod>\S+) (?<why>at .+) ${STATEFUL_ORDER}`,
    '创建了 {pod}，{why:t}（OrderedReady：一次一个 Pod，从缺失的最小序号开始，每个都要等序号更小的 Pod 全部处于 Running 且就绪之后）',
  ),
  p(String.raw`at revision (?<revision>\S+)`, '使用修订版本 {revision}'),
  p(String.raw`at the update revision (?<revision>\S+)`, '使用更新修订版本 {revision}'),
  p(
    String.raw`at the current revision (?<revision>\S+): ordinal (?<ordinal>\d+) is below partition (?<partition>\d+), so it keeps the old template`,
    '使用当前修订版本 {revision}：序号 {ordinal} 小于 partition {partition}，因此保留旧模板',
  ),
  p(String.raw`scale down to (?<n>\d+) waits: (?<why>.+)`, '缩容到 {n} 的操作在等待：{why:parts}'),
  p(
    String.raw`(?<why>.+), and only the lowest unhealthy pod \((?<pod>\S+)\) may be deleted while unhealthy`,
    '{why:t}，而 Pod 不健康时只能删除序号最小的不健康 Pod（{pod}）',
  ),
  p(String.raw`(?<why>.+) \(OrderedReady\)`, '{why:t}（OrderedReady）'),
  p(String.raw`(?<next>\S+) is deleted only after it is gone`, '{next} 要等它消失后才会被删除'),
  p(String.raw`(?<next>\S+) is deleted only after (?<pod>\S+) is gone`, '{next} 要等 {pod} 消失后才会被删除'),
  p(String.raw`scaling down to (?<n>\d+): (?<what>.+)`, '缩容到 {n}：{what:parts}'),
  p(String.raw`deleting (?<pod>\S+), the highest ordinal out of range`, '删除超出范围的最大序号 Pod {pod}'),
  p(
    String.raw`rolling update: deleting (?<pod>\S+) \(revision (?<revision>\S+)\) so it is recreated at the update revision (?<update>\S+); pods are replaced one at a time from the highest ordinal down(?: to (?<last>\S+) \(partition (?<partition>\d+)\))?`,
    '滚动更新：删除 {pod}（修订版本 {revision}），让它以更新修订版本 {update} 重建；Pod 从最大序号开始逐个替换[[，直到 {last}（partition {partition}）]]',
  ),
  p(
    String.raw`rolling update waits: (?<why>.+); (?<next>\S+) is updated only after it(?: is)?`,
    '滚动更新等待中：{why:t}；{next} 要等它之后才会更新',
  ),
  p(
    String.raw`(?<why>.+): it runs revision (?<revision>\S+), not the update revision (?<update>\S+), and OrderedReady waits for it before anything else, so the rolling update cannot replace it\. If it never becomes ready \(a broken template\), delete it by hand \((?<command>kubectl delete pod \S+)\) and it is recreated from \S+`,
    '{why:t}：它运行的是修订版本 {revision}，而不是更新修订版本 {update}；OrderedReady 会先等它，再做别的事，所以滚动更新无法替换它。如果它一直不能就绪（模板有问题），请手动删除它（{command}），它会以 {update} 重建',
  ),
  p(String.raw`(?<pod>\S+) waits: (?<why>.+)`, '{pod} 在等待：{why:t}'),
  p(
    String.raw`Parallel: created (?<pods>.+) at once, without waiting for any pod to be ready`,
    'Parallel：一次性创建了 {pods:names}，不等待任何 Pod 就绪',
  ),
  p(
    String.raw`Parallel: deleting (?<pods>.+) at once to scale down to (?<n>\d+)`,
    'Parallel：一次性删除 {pods:names}，以缩容到 {n}',
  ),
  p(
    String.raw`partition (?<partition>\d+): (?<pods>.+) keep revision (?<revision>\S+); only ordinals (?<first>\d+) and up are updated to (?<update>\S+)`,
    'partition {partition}：{pods:names} 保持修订版本 {revision}；只有序号 {first} 及以上的 Pod 会更新到 {update}',
  ),
  p(
    String.raw`OnDelete: (?<pods>.+) keep their old revision; each is recreated from the update revision (?<update>\S+) only when you delete it`,
    'OnDelete：{pods:names} 保持旧的修订版本；只有你删除某个 Pod 时，它才会以更新修订版本 {update} 重建',
  ),
  // statefulset/statefulSetPods.ts describeUnhealthy
  p(String.raw`(?<pod>\S+) is terminating`, '{pod} 正在终止'),
  p(
    String.raw`(?<pod>\S+) is not Running and Ready \(phase (?<phase>\w+)\)`,
    '{pod} 尚未处于 Running 且就绪状态（阶段为 {phase}）',
  ),
  p(
    String.raw`(?<pod>\S+) is not Running and Ready \(Running, not Ready\)`,
    '{pod} 尚未处于 Running 且就绪状态（Running，但未就绪）',
  ),
  p(
    String.raw`(?<pod>\S+) is Ready but not yet available \(minReadySeconds (?<s>\d+)\)`,
    '{pod} 已就绪但尚不可用（minReadySeconds 为 {s}）',
  ),
  p(String.raw`(?<pod>\S+) is Running and Ready`, '{pod} 处于 Running 且就绪状态'),

  // podautoscaler/horizontalController.ts, explainDecision.ts, computeReplicas.ts
  p(
    String.raw`cannot read the scale of (?<target>\S+): (?<error>.+?)(?<hint> — .+)?`,
    '无法读取 {target} 的 scale 子资源：{error:q}[[{hint:t}]]',
  ),
  p(String.raw`cannot compute a replica count: (?<error>.+?)(?<hint> — .+)?`, '无法计算副本数：{error:q}[[{hint:t}]]'),
  p(
    String.raw` — a cpu utilization target needs resources\.requests\.cpu on every container`,
    '——以 CPU 利用率为目标时，每个容器都必须设置 resources.requests.cpu',
  ),
  p(
    String.raw` — scaleTargetRef needs an apiVersion \(e\.g\. apps/v1\)`,
    '——scaleTargetRef 需要写明 apiVersion（例如 apps/v1）',
  ),
  p(
    String.raw`(?<why>.+): could not scale (?<target>\S+) to (?<n>\d+) \((?<error>.+)\)`,
    '{why:t}：无法把 {target} 扩缩到 {n}（{error:q}）',
  ),
  p(
    String.raw`(?<why>.+): scaled (?<target>\S+/\S+) from (?<from>\d+) to (?<to>\d+)`,
    '{why:t}：把 {target} 的副本数从 {from} 调整为 {to}',
  ),
  p(String.raw`(?<why>.+): keeping (?<n>\d+)`, '{why:t}：维持 {n} 个副本'),
  p(
    String.raw`(?<target>\S+) has 0 replicas: autoscaling is off until it has some`,
    '{target} 有 0 个副本：在它有副本之前不做自动扩缩',
  ),
  p(
    String.raw`(?<target>\S+) has (?<n>\d+) replicas, more than maxReplicas (?<max>\d+)`,
    '{target} 有 {n} 个副本，多于 maxReplicas（{max}）',
  ),
  p(
    String.raw`(?<target>\S+) has (?<n>\d+) replicas, fewer than minReplicas (?<min>\d+)`,
    '{target} 有 {n} 个副本，少于 minReplicas（{min}）',
  ),
  p(
    String.raw`(?<summary>.+): (?<current>\d+) → (?<proposed>\d+) \((?<reasoning>ceil\([^()]*\)|within the [\d.]+% tolerance|counting the other pods would reverse the direction)\)(?:, (?<notes>.+))?`,
    '{summary:t}：{current} → {proposed}（{reasoning:t}）[[，{notes:clauses}]]',
  ),
  p(
    String.raw`(?<resource>\S+) (?<usage>\d+)% of request \(target (?<target>\d+)%\)(?: \((?<notes>.+)\))?`,
    '{resource} 用量为请求值的 {usage}%（目标 {target}%）[[（{notes:clauses}）]]',
  ),
  p(
    String.raw`(?<resource>\S+) (?<usage>\S+) per pod \(target (?<target>[^()]+)\)(?: \((?<notes>.+)\))?`,
    '{resource} 每个 Pod 平均用量 {usage}（目标 {target}）[[（{notes:clauses}）]]',
  ),
  p(String.raw`(?<n>\d+) not-ready pod\(s\) counted as idle`, '{n} 个未就绪 Pod 按空闲计'),
  p(String.raw`(?<n>\d+) pod\(s\) without metrics counted as idle`, '{n} 个没有指标的 Pod 按空闲计'),
  p(
    String.raw`(?<n>\d+) pod\(s\) without metrics counted as at their request`,
    '{n} 个没有指标的 Pod 按用量等于请求值计',
  ),
  p(String.raw`ceil\((?<product>[^()]*)\)`, 'ceil({product})'),
  p(String.raw`within the (?<tolerance>[\d.]+)% tolerance`, '在 {tolerance}% 的容差之内'),
  p('counting the other pods would reverse the direction', '把其余 Pod 计入会使扩缩方向反转'),
  p(
    String.raw`held at (?<n>\d+), the (?<which>highest|lowest) recommendation of the last (?<s>\d+)s`,
    '按过去 {s} 秒内的{which:w}建议值定为 {n}',
  ),
  p(String.raw`capped by maxReplicas (?<n>\d+)`, '受 maxReplicas（{n}）限制'),
  p(String.raw`raised to minReplicas (?<n>\d+)`, '提高到 minReplicas（{n}）'),
  p(
    String.raw`limited to (?<n>\d+) by the (?<direction>scale-up|scale-down) policies`,
    '受{direction:w}策略限制为 {n}',
  ),
  p(String.raw`limited to (?<n>\d+) by the scale-up limit (?<limit>max\(.+\) = \d+)`, '受扩容上限 {limit} 限制为 {n}'),
];
