/**
 * A container's environment and argv as the kubelet builds them (pkg/kubelet/kubelet_pods.go:makeEnvironmentVariables,
 * third_party/forked/golang/expansion): image env, service link variables, then the container's own `env` in order,
 * each able to refer to earlier ones with `$(NAME)`; `command`/`args` expanded the same way.
 */
import type { Container, Pod } from '../api/kinds';
import type { ImageSpec } from '../images/types';

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
}

export function buildEnvironment(container: Container, image: ImageSpec, context: EnvContext): Record<string, string> {
  const env: Record<string, string> = { ...image.env };
  env.HOSTNAME = context.pod.spec.hostname ?? context.pod.metadata.name;
  if (context.pod.spec.enableServiceLinks !== false) Object.assign(env, context.serviceEnv);
  else
    for (const [key, value] of Object.entries(context.serviceEnv)) if (key.startsWith('KUBERNETES_')) env[key] = value;
  for (const variable of container.env ?? []) {
    if (variable.value !== undefined) env[variable.name] = expandReferences(variable.value, env);
    else if (variable.valueFrom?.fieldRef) {
      env[variable.name] = podFieldValue(
        context.pod,
        variable.valueFrom.fieldRef.fieldPath,
        context.podIp,
        context.hostIp,
      );
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
