/**
 * Plain-language advice for a learner after a kubectl error (`KubectlResult.hints`). Every text is in
 * `HINT_TEXTS`, keyed and with `{placeholders}`, so the page can translate them; matchers pick which apply.
 */
import type { KubectlError } from './errors';

export const HINT_TEXTS = {
  removedApi: '{kind} is served by {replacement} since Kubernetes {since}: change apiVersion to {replacement}{note}.',
  removedApiNoReplacement: '{kind} in {apiVersion} was removed in Kubernetes {since} and has no replacement.',
  noteSelector: ' (it also requires spec.selector, matching spec.template.metadata.labels)',
  noteIngress: ' (its backend is written as service.name and service.port.number)',
  noteHpa: ' (metric targets are written as target.type and target.averageUtilization)',
  labelsList:
    'labels must be a map `key: value`, not a list: write `app: web` under `labels:`, without a leading `- `.',
  annotationsList:
    'annotations must be a map `key: value`, not a list: write `key: value` under `annotations:`, without a leading `- `.',
  namespaceMissing:
    'The namespace "{namespace}" does not exist: create it with `kubectl create namespace {namespace}`, or use an existing one such as `default`.',
  namespacePlaceholder:
    '"{namespace}" is a placeholder, not a namespace name: replace it with a real namespace such as `default` (names use lowercase letters, digits and `-`).',
  selectorMismatch:
    "spec.selector must match the Pod template's labels: make spec.selector.matchLabels equal to (a subset of) spec.template.metadata.labels.",
  selectorRequired: 'apps/v1 workloads need spec.selector.matchLabels, matching spec.template.metadata.labels.',
  jobRestartPolicy: "A Job's Pod template needs `restartPolicy: OnFailure` or `restartPolicy: Never`.",
  workloadRestartPolicy:
    'Deployments, ReplicaSets and DaemonSets keep their Pods running, so only `restartPolicy: Always` is allowed.',
  invalidName:
    'Names must be lowercase letters, digits, `-` (and `.` for most kinds), starting and ending with a letter or digit.',
  imageRequired: 'Every container needs an `image`.',
  unknownField:
    'The field "{field}" does not exist here: check its spelling and indentation (`kubectl explain` shows the valid fields).',
  immutableSelector:
    "A Deployment's selector cannot change: delete the Deployment and create it again to use another selector.",
  oneHandler:
    'A probe or lifecycle hook ({field}) takes exactly one handler: keep one of `exec`, `httpGet`, `tcpSocket`, `grpc` or `sleep` and remove the others.',
  executableNotFound:
    'The container image has no "{command}" program: run a command that the image contains (e.g. `sh`).',
  execDash:
    'Since kubectl 1.31 the command to run comes after `--`: write `kubectl exec POD -- COMMAND` (e.g. `kubectl exec -it nginx -- sh`).',
  removedRunFlag:
    "Today's kubectl run only creates a Pod and has no --{flag} flag: write the setting in a manifest instead (e.g. `resources.requests` in the Pod spec, or a Deployment for replicas).",
} as const;

export type HintId = keyof typeof HINT_TEXTS;

/** Fills a hint template's `{placeholders}`. */
export function formatHint(id: HintId, values: Record<string, string> = {}): string {
  return HINT_TEXTS[id].replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

interface RemovedApi {
  apiVersion: string;
  kinds: readonly string[];
  replacement?: string;
  since: string;
  note?: HintId;
}

// Source: docs reference/using-api/deprecation-guide.md.
const REMOVED_APIS: readonly RemovedApi[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    replacement: 'apps/v1',
    since: '1.16',
    note: 'noteSelector',
  },
  {
    apiVersion: 'apps/v1beta1',
    kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
    replacement: 'apps/v1',
    since: '1.16',
    note: 'noteSelector',
  },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'],
    replacement: 'apps/v1',
    since: '1.16',
    note: 'noteSelector',
  },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], replacement: 'networking.k8s.io/v1', since: '1.16' },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Ingress'],
    replacement: 'networking.k8s.io/v1',
    since: '1.22',
    note: 'noteIngress',
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    replacement: 'networking.k8s.io/v1',
    since: '1.22',
    note: 'noteIngress',
  },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], replacement: 'batch/v1', since: '1.25' },
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], replacement: 'batch/v1', since: '1.21' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], replacement: 'policy/v1', since: '1.25' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], since: '1.25' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], since: '1.16' },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    replacement: 'autoscaling/v2',
    since: '1.25',
    note: 'noteHpa',
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    replacement: 'autoscaling/v2',
    since: '1.26',
    note: 'noteHpa',
  },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    replacement: 'discovery.k8s.io/v1',
    since: '1.25',
  },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], replacement: 'events.k8s.io/v1', since: '1.25' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], replacement: 'coordination.k8s.io/v1', since: '1.22' },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment'],
    replacement: 'storage.k8s.io/v1',
    since: '1.22',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
    replacement: 'rbac.authorization.k8s.io/v1',
    since: '1.22',
  },
];

/** Advice after `no matches for kind "K" in version "V"`, when V is a removed API version of K. */
export function hintForRemovedApi(apiVersion: string, kind: string): string | undefined {
  const entry = REMOVED_APIS.find((e) => e.apiVersion === apiVersion && e.kinds.includes(kind));
  if (!entry) return undefined;
  if (!entry.replacement) return formatHint('removedApiNoReplacement', { kind, apiVersion, since: entry.since });
  return formatHint('removedApi', {
    kind,
    replacement: entry.replacement,
    since: entry.since,
    note: entry.note ? HINT_TEXTS[entry.note] : '',
  });
}

/** A DNS-1123 label, which every real namespace name is. */
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Advice for a namespace whose name no namespace can have (a placeholder such as `【你的环境名】`). */
export function hintForPlaceholderNamespace(namespace: string): string | undefined {
  return NAMESPACE_NAME.test(namespace) ? undefined : formatHint('namespacePlaceholder', { namespace });
}

interface ErrorMatcher {
  pattern: RegExp;
  hint: (match: RegExpMatchArray) => string;
}

const ERROR_MATCHERS: readonly ErrorMatcher[] = [
  { pattern: /ObjectMeta\.metadata\.labels|metadata\.labels of type map/, hint: () => formatHint('labelsList') },
  {
    pattern: /ObjectMeta\.metadata\.annotations|metadata\.annotations of type map/,
    hint: () => formatHint('annotationsList'),
  },
  {
    pattern: /namespaces "([^"]*)" not found/,
    hint: (m) => hintForPlaceholderNamespace(m[1] ?? '') ?? formatHint('namespaceMissing', { namespace: m[1] ?? '' }),
  },
  { pattern: /`selector` does not match template `labels`/, hint: () => formatHint('selectorMismatch') },
  { pattern: /spec\.selector: Required value/, hint: () => formatHint('selectorRequired') },
  {
    pattern: /restartPolicy: Required value: valid values: "OnFailure", "Never"/,
    hint: () => formatHint('jobRestartPolicy'),
  },
  {
    pattern: /restartPolicy: Unsupported value: "(Never|OnFailure)": supported values: "Always"/,
    hint: () => formatHint('workloadRestartPolicy'),
  },
  { pattern: /name: Invalid value: .*(RFC 1123|DNS-1035)/, hint: () => formatHint('invalidName') },
  { pattern: /\.image: Required value/, hint: () => formatHint('imageRequired') },
  { pattern: /unknown field "([^"]+)"/, hint: (m) => formatHint('unknownField', { field: m[1] ?? '' }) },
  { pattern: /spec\.selector: Invalid value: .*field is immutable/, hint: () => formatHint('immutableSelector') },
  {
    pattern: /([\w.[\]]+)\.\w+: Forbidden: may not specify more than 1 handler type/,
    hint: (m) => formatHint('oneHandler', { field: m[1] ?? '' }),
  },
  {
    pattern: /exec: "([^"]+)": executable file not found/,
    hint: (m) => formatHint('executableNotFound', { command: m[1] ?? '' }),
  },
  { pattern: /exec \[POD\] \[COMMAND\] is not supported anymore/, hint: () => formatHint('execDash') },
  {
    pattern: /unknown flag: --(requests|limits|replicas|generator|serviceaccount|schedule)\nSee 'kubectl run --help'/,
    hint: (m) => formatHint('removedRunFlag', { flag: m[1] ?? '' }),
  },
];

/** Hints for the text of errors kubectl printed (each hint once). */
export function hintsForText(text: string): string[] {
  const hints: string[] = [];
  for (const matcher of ERROR_MATCHERS) {
    const match = text.match(matcher.pattern);
    if (!match) continue;
    const hint = matcher.hint(match);
    if (!hints.includes(hint)) hints.push(hint);
  }
  return hints;
}

/** Hints for an error, looking at its message and its field causes. */
export function hintsForError(err: KubectlError): string[] {
  const causes = (err.status?.details?.causes ?? []).map((c) => `${c.field}: ${c.message}`);
  return hintsForText([err.message, ...causes].join('\n'));
}
