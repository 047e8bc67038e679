/**
 * Container checks of a PodSpec (kubernetes: pkg/apis/core/validation/validation.go: validateContainers,
 * validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateEnv, ValidateVolumeMounts,
 * validateProbe, validateHandler, validateResourceRequirements, AccumulateUniqueHostPorts).
 */
import { compareQuantities, formatQuantity, parseQuantity } from '../quantity/quantity';
import { labelKeyErrors } from '../selectors/labelValidation';
import {
  duplicate,
  forbidden,
  invalid,
  nonNegative,
  notFound,
  notSupported,
  required,
  type FieldError,
} from './fieldError';
import {
  configMapKeyErrors,
  dns1123LabelErrors,
  envVarNameErrors,
  nameIsDnsSubdomain,
  portNameErrors,
  portNumberErrors,
} from './names';
import { asArray, asList, asObject, type JsonObject } from './json';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const CONTAINER_RESOURCE_FIELDS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
/** helper.IsStandardResourceName, for the names a container could plausibly mistype. */
const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'requests.storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
]);
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
/** Resources whose request must equal their limit (not overcommittable). */
const isOvercommitAllowed = (name: string): boolean =>
  !name.startsWith('hugepages-') && (!name.includes('/') || name.startsWith('kubernetes.io/'));

function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return portNumberErrors(port).map((m) => invalid(field, port, m));
  return portNameErrors(String(port ?? '')).map((m) => invalid(field, String(port ?? ''), m));
}

function validateHttpGet(action: JsonObject, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!action.path) errors.push(required(`${field}.path`));
  errors.push(...validatePortNumOrName(action.port, `${field}.port`));
  if (!HTTP_SCHEMES.includes(String(action.scheme ?? '')))
    errors.push(notSupported(`${field}.scheme`, action.scheme ?? '', HTTP_SCHEMES));
  for (const header of asList(action.httpHeaders)) {
    const name = String(header.name ?? '');
    if (!/^[-A-Za-z0-9]+$/.test(name)) {
      errors.push(
        invalid(
          `${field}.httpHeaders`,
          name,
          "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
        ),
      );
    }
  }
  return errors;
}

/** validateHandler: exactly one of exec, httpGet, tcpSocket, grpc (probes) or sleep (lifecycle hooks). */
function validateHandler(
  handler: JsonObject,
  field: string,
  kinds: readonly string[],
  gracePeriod: number | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = asObject(handler[kind]);
    if (!action) continue;
    if (count > 0) {
      errors.push(forbidden(`${field}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const path = `${field}.${kind}`;
    if (kind === 'exec' && asArray(action.command).length === 0) errors.push(required(`${path}.command`));
    if (kind === 'httpGet') errors.push(...validateHttpGet(action, path));
    if (kind === 'tcpSocket' || kind === 'grpc') errors.push(...validatePortNumOrName(action.port, `${path}.port`));
    if (kind === 'sleep' && gracePeriod !== undefined) {
      const seconds = Number(action.seconds ?? 0);
      if (seconds < 0 || seconds > gracePeriod) {
        errors.push(
          invalid(path, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`),
        );
      }
    }
  }
  if (count === 0) errors.push(required(field, 'must specify a handler type'));
  return errors;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function validateProbe(
  probe: JsonObject | undefined,
  field: string,
  kind: 'liveness' | 'readiness' | 'startup',
): FieldError[] {
  if (!probe) return [];
  const errors = validateHandler(probe, field, PROBE_HANDLERS, undefined);
  for (const key of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    errors.push(...nonNegative(probe[key], `${field}.${key}`));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace <= 0)
    errors.push(invalid(`${field}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  if (kind === 'readiness' && grace !== undefined) {
    errors.push(invalid(`${field}.terminationGracePeriodSeconds`, grace, 'must not be set for readinessProbes'));
  }
  if (kind !== 'readiness' && probe.successThreshold !== 1)
    errors.push(invalid(`${field}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  return errors;
}

function validateLifecycle(lifecycle: JsonObject, field: string, gracePeriod: number | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const handler = asObject(lifecycle[hook]);
    if (handler) errors.push(...validateHandler(handler, `${field}.${hook}`, LIFECYCLE_HANDLERS, gracePeriod));
  }
  return errors;
}

function validatePorts(ports: JsonObject[], field: string): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const path = `${field}[${i}]`;
    const name = typeof port.name === 'string' ? port.name : '';
    if (name) {
      const messages = portNameErrors(name);
      if (messages.length > 0) for (const m of messages) errors.push(invalid(`${path}.name`, name, m));
      else if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
      else names.add(name);
    }
    const containerPort = Number(port.containerPort ?? 0);
    if (containerPort === 0) errors.push(required(`${path}.containerPort`));
    else
      for (const m of portNumberErrors(containerPort)) errors.push(invalid(`${path}.containerPort`, containerPort, m));
    const hostPort = Number(port.hostPort ?? 0);
    if (hostPort !== 0)
      for (const m of portNumberErrors(hostPort)) errors.push(invalid(`${path}.hostPort`, hostPort, m));
    if (!port.protocol) errors.push(required(`${path}.protocol`));
    else if (!PROTOCOLS.includes(String(port.protocol)))
      errors.push(notSupported(`${path}.protocol`, port.protocol, PROTOCOLS));
  });
  return errors;
}

function validateKeySelector(selector: JsonObject, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = String(selector.name ?? '');
  for (const m of nameIsDnsSubdomain(name, false)) errors.push(invalid(`${field}.name`, name, m));
  const key = String(selector.key ?? '');
  if (!key) errors.push(required(`${field}.key`));
  else for (const m of configMapKeyErrors(key)) errors.push(invalid(`${field}.key`, key, m));
  return errors;
}

function validateEnvValueFrom(env: JsonObject, field: string): FieldError[] {
  const valueFrom = asObject(env.valueFrom);
  if (!valueFrom) return [];
  const errors: FieldError[] = [];
  let sources = 0;
  const fieldRef = asObject(valueFrom.fieldRef);
  if (fieldRef) {
    sources++;
    if (!fieldRef.apiVersion) errors.push(required(`${field}.fieldRef.apiVersion`));
    else if (!fieldRef.fieldPath) errors.push(required(`${field}.fieldRef.fieldPath`));
    else {
      const path = String(fieldRef.fieldPath);
      const subscripted = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      if (subscripted) {
        const key = subscripted[1] === 'annotations' ? subscripted[2]!.toLowerCase() : subscripted[2]!;
        for (const m of labelKeyErrors(key)) errors.push(invalid(`${field}.fieldRef`, key, m));
      } else if (!FIELD_PATHS.includes(path) && path !== 'metadata.labels' && path !== 'metadata.annotations') {
        errors.push(notSupported(`${field}.fieldRef.fieldPath`, path, FIELD_PATHS));
      }
    }
  }
  const resourceFieldRef = asObject(valueFrom.resourceFieldRef);
  if (resourceFieldRef) {
    sources++;
    const resource = String(resourceFieldRef.resource ?? '');
    if (!resource) errors.push(required(`${field}.resourceFieldRef.resource`));
    else if (!CONTAINER_RESOURCE_FIELDS.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
      errors.push(notSupported(`${field}.resourceFieldRef.resource`, resource, CONTAINER_RESOURCE_FIELDS));
    }
  }
  for (const key of ['configMapKeyRef', 'secretKeyRef']) {
    const selector = asObject(valueFrom[key]);
    if (!selector) continue;
    sources++;
    errors.push(...validateKeySelector(selector, `${field}.${key}`));
  }
  if (sources === 0)
    errors.push(
      invalid(field, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'),
    );
  else if (env.value) errors.push(invalid(field, '', 'may not be specified when `value` is not empty'));
  else if (sources > 1) errors.push(invalid(field, '', 'may not have more than one field specified at a time'));
  return errors;
}

function validateEnv(envs: JsonObject[], field: string): FieldError[] {
  const errors: FieldError[] = [];
  envs.forEach((env, i) => {
    const path = `${field}[${i}]`;
    const name = String(env.name ?? '');
    if (!name) errors.push(required(`${path}.name`));
    else for (const m of envVarNameErrors(name)) errors.push(invalid(`${path}.name`, name, m));
    errors.push(...validateEnvValueFrom(env, `${path}.valueFrom`));
  });
  return errors;
}

function validateEnvFrom(sources: JsonObject[], field: string): FieldError[] {
  const errors: FieldError[] = [];
  sources.forEach((source, i) => {
    const path = `${field}[${i}]`;
    if (typeof source.prefix === 'string' && source.prefix)
      for (const m of envVarNameErrors(source.prefix)) errors.push(invalid(`${path}.prefix`, source.prefix, m));
    let count = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      const ref = asObject(source[key]);
      if (!ref) continue;
      count++;
      const name = String(ref.name ?? '');
      if (!name) errors.push(required(`${path}.${key}.name`));
      else for (const m of nameIsDnsSubdomain(name, true)) errors.push(invalid(`${path}.${key}.name`, name, m));
    }
    if (count === 0) errors.push(invalid(field, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (count > 1) errors.push(invalid(field, '', 'may not have more than one field specified at a time'));
  });
  return errors;
}

function validateVolumeMounts(mounts: JsonObject[], volumes: ReadonlySet<string>, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const mountPoints = new Set<string>();
  mounts.forEach((mount, i) => {
    const path = `${field}[${i}]`;
    const name = String(mount.name ?? '');
    const mountPath = String(mount.mountPath ?? '');
    if (!name) errors.push(required(`${path}.name`));
    if (!volumes.has(name)) errors.push(notFound(`${path}.name`, name));
    if (!mountPath) errors.push(required(`${path}.mountPath`));
    if (mountPoints.has(mountPath)) errors.push(invalid(`${path}.mountPath`, mountPath, 'must be unique'));
    mountPoints.add(mountPath);
    const subPath = String(mount.subPath ?? '');
    if (subPath.startsWith('/')) errors.push(invalid(`${field}.subPath`, subPath, 'must be a relative path'));
    if (subPath.split('/').includes('..')) errors.push(invalid(`${field}.subPath`, subPath, "must not contain '..'"));
  });
  return errors;
}

/** Every resource name with its parsed quantity, in name order (Go iterates the map at random). */
function quantities(list: unknown): [string, unknown][] {
  const map = asObject(list) ?? {};
  return Object.keys(map)
    .sort()
    .map((name) => [name, map[name]]);
}

function validateResourceName(name: string, field: string): FieldError[] {
  const errors = labelKeyErrors(name).map((m) => invalid(field, name, m));
  if (errors.length > 0) return errors;
  if (name.includes('/') || name.startsWith('hugepages-')) return [];
  if (!STANDARD_RESOURCES.has(name))
    errors.push(invalid(field, name, 'must be a standard resource type or fully qualified'));
  if (!CONTAINER_RESOURCES.has(name)) errors.push(invalid(field, name, 'must be a standard resource for containers'));
  return errors;
}

function validateResources(resources: JsonObject | undefined, field: string): FieldError[] {
  const errors: FieldError[] = [];
  const limits = new Map<string, ReturnType<typeof parseQuantity>>();
  for (const [name, value] of quantities(resources?.limits)) {
    const path = `${field}.limits[${name}]`;
    errors.push(...validateResourceName(name, path));
    const parsed = parseQuantity(String(value));
    limits.set(name, parsed);
    if (parsed.ok && parsed.value.nanos.startsWith('-'))
      errors.push(invalid(path, formatQuantity(parsed.value), 'must be greater than or equal to 0'));
  }
  for (const [name, value] of quantities(resources?.requests)) {
    const path = `${field}.requests[${name}]`;
    errors.push(...validateResourceName(name, path));
    const parsed = parseQuantity(String(value));
    if (!parsed.ok) continue;
    const request = parsed.value;
    if (request.nanos.startsWith('-'))
      errors.push(invalid(path, formatQuantity(request), 'must be greater than or equal to 0'));
    const limit = limits.get(name);
    if (limit?.ok) {
      const order = compareQuantities(request, limit.value);
      if (order !== 0 && !isOvercommitAllowed(name)) {
        errors.push(
          invalid(
            `${field}.requests`,
            formatQuantity(request),
            `must be equal to ${name} limit of ${formatQuantity(limit.value)}`,
          ),
        );
      } else if (order > 0) {
        errors.push(
          invalid(
            `${field}.requests`,
            formatQuantity(request),
            `must be less than or equal to ${name} limit of ${formatQuantity(limit.value)}`,
          ),
        );
      }
    } else if (!limit && !isOvercommitAllowed(name)) {
      errors.push(required(`${field}.limits`, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errors;
}

/** validateContainerCommon: what every container kind must satisfy. */
function validateContainerCommon(container: JsonObject, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = String(container.name ?? '');
  if (!name) errors.push(required(`${path}.name`));
  else for (const m of dns1123LabelErrors(name)) errors.push(invalid(`${path}.name`, name, m));
  if (!container.image) errors.push(required(`${path}.image`));
  const policy = container.terminationMessagePolicy;
  if (!policy) errors.push(required(`${path}.terminationMessagePolicy`));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(String(policy)))
    errors.push(notSupported(`${path}.terminationMessagePolicy`, policy, TERMINATION_MESSAGE_POLICIES));
  errors.push(...validatePorts(asList(container.ports), `${path}.ports`));
  errors.push(...validateEnv(asList(container.env), `${path}.env`));
  errors.push(...validateEnvFrom(asList(container.envFrom), `${path}.envFrom`));
  errors.push(...validateVolumeMounts(asList(container.volumeMounts), volumes, `${path}.volumeMounts`));
  const pullPolicy = container.imagePullPolicy;
  if (!pullPolicy) errors.push(required(`${path}.imagePullPolicy`));
  else if (!PULL_POLICIES.includes(String(pullPolicy)))
    errors.push(notSupported(`${path}.imagePullPolicy`, pullPolicy, PULL_POLICIES));
  errors.push(...validateResources(asObject(container.resources), `${path}.resources`));
  return errors;
}

/** AccumulateUniqueHostPorts: a protocol/hostIP/hostPort triple may be used once. */
function hostPortConflicts(containers: JsonObject[], field: string, seen: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  containers.forEach((container, ci) => {
    asList(container.ports).forEach((port, pi) => {
      const hostPort = Number(port.hostPort ?? 0);
      if (hostPort === 0) return;
      const key = `${String(port.protocol ?? '')}/${String(port.hostIP ?? '')}/${hostPort}`;
      if (seen.has(key)) errors.push(duplicate(`${field}[${ci}].ports[${pi}].hostPort`, key));
      else seen.add(key);
    });
  });
  return errors;
}

/** validateContainers: regular containers. */
export function validateContainers(
  containers: JsonObject[],
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  field: string,
): FieldError[] {
  if (containers.length === 0) return [required(field)];
  const errors: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((container, i) => {
    const path = `${field}[${i}]`;
    errors.push(...validateContainerCommon(container, volumes, path));
    const name = String(container.name ?? '');
    if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
    else names.add(name);
    const lifecycle = asObject(container.lifecycle);
    if (lifecycle) errors.push(...validateLifecycle(lifecycle, `${path}.lifecycle`, gracePeriod));
    errors.push(...validateProbe(asObject(container.livenessProbe), `${path}.livenessProbe`, 'liveness'));
    errors.push(...validateProbe(asObject(container.readinessProbe), `${path}.readinessProbe`, 'readiness'));
    errors.push(...validateProbe(asObject(container.startupProbe), `${path}.startupProbe`, 'startup'));
    if (container.restartPolicy !== undefined)
      errors.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
  });
  errors.push(...hostPortConflicts(containers, field, new Set()));
  return errors;
}

/** validateInitContainers: sidecars (restartPolicy Always) may have probes and hooks, plain init containers not. */
export function validateInitContainers(
  initContainers: JsonObject[],
  containers: JsonObject[],
  volumes: ReadonlySet<string>,
  gracePeriod: number | undefined,
  field: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set(containers.map((c) => String(c.name ?? '')));
  initContainers.forEach((container, i) => {
    const path = `${field}[${i}]`;
    errors.push(...validateContainerCommon(container, volumes, path));
    const restartAlways = container.restartPolicy === 'Always';
    if (container.restartPolicy !== undefined && !restartAlways) {
      errors.push(notSupported(`${path}.restartPolicy`, container.restartPolicy, ['Always']));
    }
    const name = String(container.name ?? '');
    if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
    else if (name) names.add(name);
    // Go checks each init container on its own, so the path always says index 0.
    errors.push(...hostPortConflicts([container], field, new Set()));
    if (restartAlways) {
      const lifecycle = asObject(container.lifecycle);
      if (lifecycle) errors.push(...validateLifecycle(lifecycle, `${path}.lifecycle`, gracePeriod));
      errors.push(...validateProbe(asObject(container.livenessProbe), `${path}.livenessProbe`, 'liveness'));
      errors.push(...validateProbe(asObject(container.readinessProbe), `${path}.readinessProbe`, 'readiness'));
      errors.push(...validateProbe(asObject(container.startupProbe), `${path}.startupProbe`, 'startup'));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (container[key] !== undefined)
          errors.push(forbidden(`${path}.${key}`, 'may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errors;
}

/** validateContainerOnlyForPod: Pods (not templates) reject images with surrounding spaces. */
export function validateImageWhitespace(containers: JsonObject[], field: string): FieldError[] {
  const errors: FieldError[] = [];
  containers.forEach((container, i) => {
    const image = String(container.image ?? '');
    if (image !== image.trim())
      errors.push(invalid(`${field}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return errors;
}
