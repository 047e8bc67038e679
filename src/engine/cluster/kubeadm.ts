/**
 * `kubeadm` on a machine's host shell, for what a cluster that is already up needs (cmd/kubeadm/app/cmd):
 * `token create|list|delete` (bootstrap tokens are Secrets `bootstrap-token-<id>` in kube-system,
 * pkg/bootstrap/api) and `join` of a machine that is not yet a node.
 *
 * Simplified: the CA hash is a SHA-256 of the CA certificate's text rather than of its public key, expired tokens
 * stay until deleted (no token cleaner), and join does its preflight, discovery and TLS bootstrap in one step.
 */
import type { ApiServer } from '../api/apiServer';
import { base64Decode, base64Encode } from '../api/base64';
import { resolveResourceName } from '../api/resources';
import { sha256Hex } from '../api/sha256';
import type { KubeObject } from '../api/types';
import { CLUSTER_CA_CERT } from '../controllers/rootcacertpublisher/rootCaCertPublisher';
import { parseGoDuration } from '../kubectl/flags/parseFlags';
import { shortHumanDuration } from '../kubectl/format/duration';
import { alignTabs } from '../kubectl/format/tabwriter';
import type { ProcessIO, SystemCalls, Utility } from '../os/types';
import { formatTimestamp, parseTimestamp } from '../runtime/time';

/** What kubeadm needs from the cluster. */
export interface KubeadmHost {
  api: ApiServer;
  /** `https://<ip>:6443` of the control plane. */
  apiServerEndpoint(): string;
  isNode(machine: string): boolean;
  /** Turns a machine into a node: its kubelet starts and registers. */
  join(machine: string): void;
}

const SECRETS = resolveResourceName('secrets')!;
const TOKEN_TYPE = 'bootstrap.kubernetes.io/token';
const DEFAULT_GROUP = 'system:bootstrappers:kubeadm:default-node-token';
const DEFAULT_TTL_MS = 24 * 3_600_000;
const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_FORMAT = /^([a-z0-9]{6})\.([a-z0-9]{16})$/;
const STACK_HINT = 'To see the stack trace of this error execute with --v=5 or higher\n';

/** The `sha256:<hex>` a joining node pins the cluster CA by. */
export function caCertHash(): string {
  return `sha256:${sha256Hex(CLUSTER_CA_CERT)}`;
}

/** The kubeadm utility for host shells. */
export function kubeadmUtility(host: KubeadmHost): Utility {
  return (argv, io, sys) => {
    const [command, sub, ...rest] = argv.slice(1);
    if (command === 'token' && sub === 'create') return createToken(host, io, sys, rest);
    if (command === 'token' && sub === 'list') return listTokens(host, io, sys.now);
    if (command === 'token' && sub === 'delete') return deleteTokens(host, io, rest);
    if (command === 'join') return join(host, io, sys, [sub ?? '', ...rest].filter(Boolean));
    io.stderr(
      `${command ? `unknown command "${[command, sub].filter(Boolean).join(' ')}" for "kubeadm"\n` : ''}` +
        'kubeadm here knows: token create [--ttl DURATION] [--description TEXT] [--print-join-command], ' +
        'token list, token delete TOKEN, join ENDPOINT --token TOKEN --discovery-token-ca-cert-hash sha256:HASH\n',
    );
    return 1;
  };
}

/** `--flag value` and `--flag=value` options, and whether boolean flags are present. */
function readFlags(args: string[]): { values: Record<string, string>; positional: string[]; error?: string } {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) values[name] = arg.slice(eq + 1);
    else if (BOOLEAN_FLAGS.has(name)) values[name] = 'true';
    else if (i + 1 < args.length) values[name] = args[++i]!;
    else return { values, positional, error: `flag needs an argument: --${name}` };
  }
  return { values, positional };
}

const BOOLEAN_FLAGS = new Set(['print-join-command', 'discovery-token-unsafe-skip-ca-verification']);

function randomText(sys: SystemCalls, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += TOKEN_CHARS[Math.floor(sys.random() * TOKEN_CHARS.length)];
  return text;
}

function createToken(host: KubeadmHost, io: ProcessIO, sys: SystemCalls, args: string[]): number {
  const { values, error } = readFlags(args);
  if (error) return fail(io, `${error}\n`);
  const ttlMs = values.ttl === undefined ? DEFAULT_TTL_MS : parseGoDuration(values.ttl);
  if (ttlMs === undefined)
    return fail(io, `invalid argument "${values.ttl}" for "--ttl" flag: time: invalid duration "${values.ttl}"\n`);
  const id = randomText(sys, 6);
  const token = `${id}.${randomText(sys, 16)}`;
  const data: Record<string, string> = {
    'auth-extra-groups': DEFAULT_GROUP,
    'token-id': id,
    'token-secret': token.slice(7),
    'usage-bootstrap-authentication': 'true',
    'usage-bootstrap-signing': 'true',
  };
  if (ttlMs > 0) data.expiration = formatTimestamp(sys.now + ttlMs);
  if (values.description) data.description = values.description;
  const created = host.api.create({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `bootstrap-token-${id}`, namespace: 'kube-system' },
    type: TOKEN_TYPE,
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64Encode(v)])),
  });
  if (!created.ok) return fail(io, `failed to create or update bootstrap token with name bootstrap-token-${id}\n`);
  io.stdout(
    values['print-join-command'] === 'true'
      ? `kubeadm join ${host.apiServerEndpoint().replace('https://', '')} --token ${token} --discovery-token-ca-cert-hash ${caCertHash()} \n`
      : `${token}\n`,
  );
  return 0;
}

interface BootstrapToken {
  token: string;
  expires?: number;
  description?: string;
  groups: string;
  usages: string[];
}

function tokens(api: ApiServer): BootstrapToken[] {
  return api
    .all(SECRETS, 'kube-system')
    .filter((s) => (s as { type?: string }).type === TOKEN_TYPE)
    .map((secret) => {
      const data = ((secret as KubeObject & { data?: Record<string, string> }).data ?? {}) as Record<string, string>;
      const field = (key: string) => (data[key] === undefined ? undefined : base64Decode(data[key]!));
      return {
        token: `${field('token-id') ?? ''}.${field('token-secret') ?? ''}`,
        expires: parseTimestamp(field('expiration')),
        description: field('description'),
        groups: field('auth-extra-groups') ?? '',
        usages: ['authentication', 'signing'].filter((u) => field(`usage-bootstrap-${u}`) === 'true'),
      };
    });
}

/** `kubeadm token list` (cmd/token.go RunListTokens, tabwriter 10/4/3). */
function listTokens(host: KubeadmHost, io: ProcessIO, now: number): number {
  const rows = [['TOKEN', 'TTL', 'EXPIRES', 'USAGES', 'DESCRIPTION', 'EXTRA GROUPS']];
  for (const token of tokens(host.api))
    rows.push([
      token.token,
      token.expires === undefined ? '<forever>' : shortHumanDuration(token.expires - now),
      token.expires === undefined ? '<never>' : formatTimestamp(token.expires),
      token.usages.join(','),
      token.description ?? '<none>',
      token.groups,
    ]);
  const text = `${rows.map((row) => row.join('\t')).join('\n')}\n`;
  io.stdout(alignTabs(text, [], { minWidth: 10, padding: 3, rememberWidths: false }).output);
  return 0;
}

function deleteTokens(host: KubeadmHost, io: ProcessIO, args: string[]): number {
  if (args.length === 0) return fail(io, `missing argument; 'token delete' is missing token of form "[a-z0-9]{6}"\n`);
  for (const arg of args) {
    const id = TOKEN_FORMAT.exec(arg)?.[1] ?? (/^[a-z0-9]{6}$/.test(arg) ? arg : undefined);
    if (!id) return fail(io, `given token didn't match pattern "[a-z0-9]{6}" or "[a-z0-9]{6}\\.[a-z0-9]{16}"\n`);
    const deleted = host.api.delete(SECRETS, 'kube-system', `bootstrap-token-${id}`);
    if (!deleted.ok)
      return fail(io, `failed to delete bootstrap token "${id}": secrets "bootstrap-token-${id}" not found\n`);
    io.stdout(`bootstrap token "${id}" deleted\n`);
  }
  return 0;
}

/** `kubeadm join`: preflight on this machine, token discovery against the API server, then the kubelet starts. */
function join(
  host: KubeadmHost,
  io: ProcessIO,
  sys: SystemCalls,
  args: string[],
): number | { exitCode: number; sleepMs: number } {
  const { values, positional, error } = readFlags(args);
  if (error) return fail(io, `${error}\n`);
  const endpoint = positional[0];
  const discovery = (problem: string) =>
    fail(
      io,
      `error execution phase preflight: couldn't validate the identity of the API Server: ${problem}\n${STACK_HINT}`,
    );
  if (!values.token || !endpoint)
    return fail(io, `discovery: Invalid value: "": bootstrapToken or file must be set\n${STACK_HINT}`);
  if (
    values['discovery-token-ca-cert-hash'] === undefined &&
    values['discovery-token-unsafe-skip-ca-verification'] !== 'true'
  )
    return fail(
      io,
      'discovery.bootstrapToken: Invalid value: "": using token-based discovery without caCertHashes can be unsafe. ' +
        'Set unsafeSkipCAVerification as true in your kubeadm config file or pass ' +
        '--discovery-token-unsafe-skip-ca-verification flag to continue\n' +
        STACK_HINT,
    );
  io.stdout('[preflight] Running pre-flight checks\n');
  if (host.isNode(sys.hostname))
    return fail(
      io,
      'error execution phase preflight: [preflight] Some fatal errors occurred:\n' +
        '\t[ERROR FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists\n' +
        '\t[ERROR Port-10250]: Port 10250 is in use\n' +
        '\t[ERROR FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists\n' +
        '[preflight] If you know what you are doing, you can make a check non-fatal with `--ignore-preflight-errors=...`\n' +
        STACK_HINT,
    );
  const address = host.apiServerEndpoint().replace('https://', '');
  if (endpoint !== address)
    return discovery(
      `Get "https://${endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s": dial tcp ${endpoint}: connect: connection refused`,
    );
  const match = TOKEN_FORMAT.exec(values.token);
  if (!match)
    return fail(
      io,
      `discovery.bootstrapToken.token: Invalid value: "${values.token}": the bootstrap token is invalid\n${STACK_HINT}`,
    );
  const known = tokens(host.api).find((t) => t.token === values.token);
  if (!known || (known.expires !== undefined && known.expires <= sys.now))
    return discovery(`could not find a JWS signature in the cluster-info ConfigMap for token ID "${match[1]!}"`);
  const pinned = values['discovery-token-ca-cert-hash'];
  if (pinned !== undefined && pinned !== caCertHash())
    return discovery(
      `cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${caCertHash()}" are pinned`,
    );
  host.join(sys.hostname);
  io.stdout(
    [
      '[preflight] Reading configuration from the cluster...',
      "[preflight] FYI: You can look at this config file with 'kubectl -n kube-system get cm kubeadm-config -o yaml'",
      '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
      '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
      '[kubelet-start] Starting the kubelet',
      '[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
      '[kubelet-check] The kubelet is healthy after 1.001s',
      '[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap',
      '',
      'This node has joined the cluster:',
      '* Certificate signing request was sent to apiserver and a response was received.',
      '* The Kubelet was informed of the new secure connection details.',
      '',
      "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.",
      '',
    ].join('\n'),
  );
  return { exitCode: 0, sleepMs: 2_000 };
}

function fail(io: ProcessIO, message: string): number {
  io.stderr(message);
  return 1;
}
