/**
 * A container's environment and argv as the kubelet builds them (pkg/kubelet/kubelet_pods.go:makeEnvironmentVariables,
 * third_party/forked/golang/expansion): image env, service link variables, then the container's own `env` in order,
 * each able to refer to earlier ones with `$(NAME)`; `command`/`args` expanded the same way.
 */
import type { Container, Node, Pod } from '../api/kinds';
import { resourceFieldValue } from './downwardApi';
import type { ImageSpec } from '../images/types';
import type { ConfigValues } from './configSources';

/** `$(VAR)` expansion with `$$(VAR)` as the escape; unknown references stay as written. */
export function expandReferences(text: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '$' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close > 0) {
        const name = text.slice(i + 2, close);
        const value = env[name];
        out += value ?? `$(${name})`;
        i = close;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** Resolves a `fieldRef` against the pod (the fields the downward API supports for env). */
export function podFieldValue(pod: Pod, fieldPath: string, podIp: string, hostIp: string): string {
  const labelMatch = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (labelMatch) {
    const map = labelMatch[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations;
    return map?.[labelMatch[2]!] ?? '';
  }
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIp;
    case 'status.podIP':
    case 'status.podIPs':
      return podIp;
    default:
      return '';
  }
}

export interface EnvContext {
  pod: Pod;
  podIp: string;
  hostIp: string;
  /** Service link variables (KUBERNETES_SERVICE_HOST, ...) for the pod's namespace. */
  serviceEnv: Record<string, string>;
  /** What `envFrom` and the ConfigMap/Secret `valueFrom` entries give (configSources.ts). */
  config: ConfigValues;
  /** The pod's node, whose allocatable stands in for limits a container does not set. */
  node: Node | undefined;
}

export function buildEnvironment(container: Container, image: ImageSpec, context: EnvContext): Record<string, string> {
  const env: Record<string, string> = { ...image.env };
  env.HOSTNAME = context.pod.spec.hostname ?? context.pod.metadata.name;
  if (context.pod.spec.enableServiceLinks !== false) Object.assign(env, context.serviceEnv);
  else
    for (const [key, value] of Object.entries(context.serviceEnv)) if (key.startsWith('KUBERNETES_')) env[key] = value;
  Object.assign(env, context.config.envFrom);
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) env[variable.name] = expandReferences(variable.value, env);
    else if (variable.valueFrom?.configMapKeyRef || variable.valueFrom?.secretKeyRef) {
      const value = context.config.keys[variable.name];
      if (value !== undefined) env[variable.name] = value;
    } else if (variable.valueFrom?.fieldRef) {
      env[variable.name] = podFieldValue(
        context.pod,
        variable.valueFrom.fieldRef.fieldPath,
        context.podIp,
        context.hostIp,
      );
    } else if (variable.valueFrom?.resourceFieldRef) {
      env[variable.name] =
        resourceFieldValue(context.pod, container, variable.valueFrom.resourceFieldRef, context.node) ?? '';
    } else env[variable.name] = '';
  }
  return env;
}

/** The process argv: `command` replaces the image ENTRYPOINT, `args` replaces CMD (docs: define-command-argument-container). */
export function containerArgv(container: Container, image: ImageSpec, env: Record<string, string>): string[] {
  const expand = (list: string[]) => list.map((part) => expandReferences(part, env));
  if (container.command && container.command.length > 0)
    return [...expand(container.command), ...expand(container.args ?? [])];
  if (container.args && container.args.length > 0) return [...image.entrypoint, ...expand(container.args)];
  return [...image.entrypoint, ...image.cmd];
}

interface ServiceLike {
  metadata: { name?: string };
  spec?: unknown;
}

/** Docker-link style variables for Services (pkg/kubelet/envvars/envvars.go FromServices). */
export function serviceLinkEnv(services: readonly ServiceLike[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const service of services) {
    const spec = service.spec as
      { clusterIP?: string; ports?: { name?: string; port: number; protocol?: string }[] } | undefined;
    if (!spec?.clusterIP || spec.clusterIP === 'None') continue;
    const prefix = service.metadata.name!.toUpperCase().replace(/-/g, '_');
    const first = spec.ports?.[0];
    env[`${prefix}_SERVICE_HOST`] = spec.clusterIP;
    if (first) {
      env[`${prefix}_SERVICE_PORT`] = String(first.port);
      const protocol = (first.protocol ?? 'TCP').toLowerCase();
      env[`${prefix}_PORT`] = `${protocol}://${spec.clusterIP}:${first.port}`;
    }
    for (const port of spec.ports ?? []) {
      const protocol = (port.protocol ?? 'TCP').toLowerCase();
      const base = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`;
      if (port.name) env[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, '_')}`] = String(port.port);
      env[base] = `${protocol}://${spec.clusterIP}:${port.port}`;
      env[`${base}_PROTO`] = protocol;
      env[`${base}_PORT`] = String(port.port);
      env[`${base}_ADDR`] = spec.clusterIP;
    }
  }
  return env;
}

/** /etc/hosts and /etc/hostname as the kubelet writes them (kubelet_pods.go managedHostsFileContent). */
export function managedEtcFiles(pod: Pod, podIp: string, hostname: string): Record<string, string> {
  const names = [hostname];
  if (pod.spec.subdomain)
    names.unshift(`${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local`);
  let hosts =
    '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
  if (pod.spec.hostNetwork !== true) hosts += `${podIp}\t${names.join('\t')}\n`;
  for (const alias of pod.spec.hostAliases ?? []) hosts += `${alias.ip}\t${(alias.hostnames ?? []).join('\t')}\n`;
  return { '/etc/hosts': hosts, '/etc/hostname': `${hostname}\n` };
}
