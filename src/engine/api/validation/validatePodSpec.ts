/**
 * PodSpec and pod template checks (kubernetes: pkg/apis/core/validation/validation.go: ValidatePodSpec,
 * ValidateVolumes, ValidateTolerations, ValidatePodTemplateSpec).
 */
import { labelKeyErrors, labelValueErrors } from '../selectors/labelValidation';
import { forbidden, invalid, notSupported, required, duplicate, type FieldError } from './fieldError';
import { asArray, asList, asObject, type JsonObject } from './json';
import { dns1123LabelErrors, dns1123SubdomainErrors, nameIsDnsSubdomain } from './names';
import { validateContainers, validateInitContainers } from './validateContainers';
import { validateAnnotations, validateLabels } from './validateObjectMeta';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];
const MAX_INT32 = 2147483647;

/** The volume sources in the order validateVolumeSource tries them. */
const VOLUME_SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
];

function validateItems(items: JsonObject[], field: string): FieldError[] {
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const path = `${field}[${i}]`;
    if (!item.key) errors.push(required(`${path}.key`));
    const itemPath = String(item.path ?? '');
    if (!itemPath) errors.push(required(`${path}.path`));
    else if (itemPath.startsWith('/')) errors.push(invalid(`${path}.path`, itemPath, 'must be a relative path'));
    else if (itemPath.split('/').includes('..'))
      errors.push(invalid(`${path}.path`, itemPath, "must not contain '..'"));
  });
  return errors;
}

function validateMode(mode: unknown, field: string): FieldError[] {
  if (typeof mode !== 'number' || (mode >= 0 && mode <= 0o777)) return [];
  return [invalid(field, mode, 'must be a number between 0 and 0777 (octal), both inclusive')];
}

function validateSource(kind: string, source: JsonObject, field: string): FieldError[] {
  const errors: FieldError[] = [];
  switch (kind) {
    case 'hostPath': {
      const path = String(source.path ?? '');
      if (!path) errors.push(required(`${field}.path`));
      if (path.split('/').includes('..')) errors.push(invalid(`${field}.path`, path, "must not contain '..'"));
      if (source.type !== undefined && !HOST_PATH_TYPES.includes(String(source.type)))
        errors.push(notSupported(`${field}.type`, source.type, HOST_PATH_TYPES));
      break;
    }
    case 'secret':
      if (!source.secretName) errors.push(required(`${field}.secretName`));
      errors.push(
        ...validateMode(source.defaultMode, `${field}.defaultMode`),
        ...validateItems(asList(source.items), `${field}.items`),
      );
      break;
    case 'configMap':
      if (!source.name) errors.push(required(`${field}.name`));
      errors.push(
        ...validateMode(source.defaultMode, `${field}.defaultMode`),
        ...validateItems(asList(source.items), `${field}.items`),
      );
      break;
    case 'persistentVolumeClaim':
      if (!source.claimName) errors.push(required(`${field}.claimName`));
      break;
    case 'nfs':
      if (!source.server) errors.push(required(`${field}.server`));
      if (!source.path) errors.push(required(`${field}.path`));
      else if (!String(source.path).startsWith('/'))
        errors.push(invalid(`${field}.path`, source.path, 'must be an absolute path'));
      break;
  }
  return errors;
}

/** ValidateVolumes: the names of the valid volumes (mounts may only refer to those) and the errors. */
function validateVolumes(volumes: JsonObject[], field: string): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  volumes.forEach((volume, i) => {
    const path = `${field}[${i}]`;
    const volumeErrors: FieldError[] = [];
    let count = 0;
    for (const kind of VOLUME_SOURCES) {
      const source = asObject(volume[kind]);
      if (!source) continue;
      if (count > 0) {
        volumeErrors.push(forbidden(`${path}.${kind}`, 'may not specify more than 1 volume type'));
        continue;
      }
      count++;
      volumeErrors.push(...validateSource(kind, source, `${path}.${kind}`));
    }
    if (count === 0) volumeErrors.push(required(path, 'must specify a volume type'));
    const name = String(volume.name ?? '');
    if (!name) volumeErrors.push(required(`${path}.name`));
    else for (const m of dns1123LabelErrors(name)) volumeErrors.push(invalid(`${path}.name`, name, m));
    if (names.has(name)) volumeErrors.push(duplicate(`${path}.name`, name));
    if (volumeErrors.length === 0) names.add(name);
    else errors.push(...volumeErrors);
  });
  return { names, errors };
}

/** ValidateTolerations. */
export function validateTolerations(tolerations: JsonObject[], field: string): FieldError[] {
  const errors: FieldError[] = [];
  tolerations.forEach((toleration, i) => {
    const path = `${field}[${i}]`;
    const key = String(toleration.key ?? '');
    const operator = String(toleration.operator ?? '');
    const value = String(toleration.value ?? '');
    const effect = String(toleration.effect ?? '');
    if (key) for (const m of labelKeyErrors(key)) errors.push(invalid(`${path}.key`, key, m));
    if (!key && operator !== 'Exists') {
      errors.push(
        invalid(
          `${path}.operator`,
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (toleration.tolerationSeconds !== undefined && effect !== 'NoExecute') {
      errors.push(invalid(`${path}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const messages = labelValueErrors(value);
      if (messages.length > 0) errors.push(invalid(`${path}.operator`, value, messages.join(';')));
    } else if (operator === 'Exists') {
      if (value) errors.push(invalid(`${path}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else {
      errors.push(notSupported(`${path}.operator`, operator, ['Equal', 'Exists']));
    }
    if (effect && !TAINT_EFFECTS.includes(effect)) errors.push(notSupported(`${path}.effect`, effect, TAINT_EFFECTS));
  });
  return errors;
}

function enumErrors(value: unknown, field: string, allowed: readonly string[]): FieldError[] {
  if (value === undefined || value === '') return [required(field)];
  return allowed.includes(String(value)) ? [] : [notSupported(field, value, allowed)];
}

/** ValidatePodSpec. `isPod` marks a real Pod, not a template (hostPort must then equal containerPort with hostNetwork). */
export function validatePodSpec(spec: JsonObject, field: string, isPod: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined) errors.push(required(`${field}.terminationGracePeriodSeconds`));
  const gracePeriod =
    typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  const volumes = validateVolumes(asList(spec.volumes), `${field}.volumes`);
  errors.push(...volumes.errors);
  const containers = asList(spec.containers);
  errors.push(...validateContainers(containers, volumes.names, gracePeriod, `${field}.containers`));
  errors.push(
    ...validateInitContainers(
      asList(spec.initContainers),
      containers,
      volumes.names,
      gracePeriod,
      `${field}.initContainers`,
    ),
  );
  if (spec.hostNetwork === true) {
    containers.forEach((container, ci) => {
      asList(container.ports).forEach((port, pi) => {
        const hostPort = Number(port.hostPort ?? 0);
        if ((isPod || hostPort !== 0) && hostPort !== Number(port.containerPort ?? 0)) {
          errors.push(
            invalid(
              `${field}.containers[${ci}].ports[${pi}].hostPort`,
              hostPort,
              'must match `containerPort` when `hostNetwork` is true',
            ),
          );
        }
      });
    });
  }
  errors.push(...enumErrors(spec.restartPolicy, `${field}.restartPolicy`, RESTART_POLICIES));
  errors.push(...enumErrors(spec.dnsPolicy, `${field}.dnsPolicy`, DNS_POLICIES));
  errors.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  const securityContext = asObject(spec.securityContext);
  if (securityContext?.shareProcessNamespace === true && spec.hostPID === true) {
    errors.push(
      invalid(
        `${field}.securityContext.shareProcessNamespace`,
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    );
  }
  if (spec.dnsPolicy === 'None') {
    const dnsConfig = asObject(spec.dnsConfig);
    if (!dnsConfig) errors.push(required(`${field}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'));
    else if (asArray(dnsConfig.nameservers).length === 0) {
      errors.push(
        required(`${field}.dnsConfig.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None'),
      );
    }
  }
  for (const key of ['serviceAccountName', 'nodeName', 'priorityClassName']) {
    const value = spec[key];
    if (typeof value === 'string' && value)
      for (const m of nameIsDnsSubdomain(value, false)) errors.push(invalid(`${field}.${key}`, value, m));
  }
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number' && (deadline < 1 || deadline > MAX_INT32)) {
    errors.push(invalid(`${field}.activeDeadlineSeconds`, deadline, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  for (const key of ['hostname', 'subdomain']) {
    const value = spec[key];
    if (typeof value === 'string' && value)
      for (const m of dns1123LabelErrors(value)) errors.push(invalid(`${field}.${key}`, value, m));
  }
  errors.push(...validateTolerations(asList(spec.tolerations), `${field}.tolerations`));
  asList(spec.hostAliases).forEach((alias, i) => {
    asArray(alias.hostnames).forEach((hostname, j) => {
      for (const m of dns1123SubdomainErrors(String(hostname)))
        errors.push(invalid(`${field}.hostAliases[${i}].hostnames[${j}]`, hostname, m));
    });
  });
  if (spec.preemptionPolicy !== undefined)
    errors.push(...enumErrors(spec.preemptionPolicy, `${field}.preemptionPolicy`, PREEMPTION_POLICIES));
  return errors;
}

/** ValidatePodTemplateSpec: labels and annotations under `<field>.labels` (sic), then the spec. */
export function validatePodTemplateSpec(template: JsonObject | undefined, field: string): FieldError[] {
  const metadata = asObject(template?.metadata);
  const errors = [
    ...validateLabels(metadata?.labels, `${field}.labels`),
    ...validateAnnotations(metadata?.annotations, `${field}.annotations`),
  ];
  const spec = asObject(template?.spec) ?? {};
  errors.push(...validatePodSpec(spec, `${field}.spec`, false));
  if (asList(spec.ephemeralContainers).length > 0) {
    errors.push(forbidden(`${field}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errors;
}
