/**
 * Builds `generated/schema.json`, the compact field tree of every kind the simulator serves, from the
 * kubernetes-models type declarations (Kubernetes 1.33 types). Run from the repository root:
 *
 *     npx tsx src/engine/api/schema/generate.ts
 *
 * Field types come from the `.d.ts` interfaces (via the TypeScript compiler API), descriptions from their JSDoc,
 * and integer formats (int32/int64) from the models' compiled JSON-schema validators, which are probed with
 * sample values because the `.d.ts` files only say `number`.
 */
import ts from 'typescript';
import type { Definition, FieldSchema, FieldType, KindRoot, SchemaDocument } from './types';

const ROOT = ts.sys.getCurrentDirectory();
const MODELS = `${ROOT}/node_modules/kubernetes-models`;
const APIMACHINERY = `${ROOT}/node_modules/@kubernetes-models/apimachinery`;
const OUTPUT = `${ROOT}/src/engine/api/schema/generated/schema.json`;

/** Served kinds: [group, version, kind]; the model file is `<group-dir>/<version>/<kind>.d.ts`. */
const KINDS: [string, string, string][] = [
  ['', 'v1', 'Pod'],
  ['', 'v1', 'Node'],
  ['', 'v1', 'Namespace'],
  ['', 'v1', 'Event'],
  ['', 'v1', 'Service'],
  ['', 'v1', 'Endpoints'],
  ['', 'v1', 'ConfigMap'],
  ['', 'v1', 'Secret'],
  ['', 'v1', 'PersistentVolume'],
  ['', 'v1', 'PersistentVolumeClaim'],
  ['', 'v1', 'ServiceAccount'],
  ['', 'v1', 'ResourceQuota'],
  ['', 'v1', 'LimitRange'],
  ['', 'v1', 'ReplicationController'],
  ['', 'v1', 'Binding'],
  ['apps', 'v1', 'Deployment'],
  ['apps', 'v1', 'ReplicaSet'],
  ['apps', 'v1', 'StatefulSet'],
  ['apps', 'v1', 'DaemonSet'],
  ['apps', 'v1', 'ControllerRevision'],
  ['batch', 'v1', 'Job'],
  ['batch', 'v1', 'CronJob'],
  ['autoscaling', 'v1', 'HorizontalPodAutoscaler'],
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler'],
  ['discovery.k8s.io', 'v1', 'EndpointSlice'],
  ['policy', 'v1', 'PodDisruptionBudget'],
  ['storage.k8s.io', 'v1', 'StorageClass'],
  ['coordination.k8s.io', 'v1', 'Lease'],
  ['events.k8s.io', 'v1', 'Event'],
];

/**
 * Go types that are named in the Kubernetes sources but appear as plain `string`/maps in the models. They show in
 * decode errors (`... of type v1.RestartPolicy`). Keyed `<definition>.<field>`.
 */
const GO_TYPES: Record<string, string> = {
  'core/v1.Container.imagePullPolicy': 'v1.PullPolicy',
  'core/v1.Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'core/v1.ContainerPort.protocol': 'v1.Protocol',
  'core/v1.ServicePort.protocol': 'v1.Protocol',
  'core/v1.EndpointPort.protocol': 'v1.Protocol',
  'core/v1.PodSpec.restartPolicy': 'v1.RestartPolicy',
  'core/v1.PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'core/v1.PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'core/v1.PodSpec.overhead': 'v1.ResourceList',
  'core/v1.ResourceRequirements.limits': 'v1.ResourceList',
  'core/v1.ResourceRequirements.requests': 'v1.ResourceList',
  'core/v1.HTTPGetAction.scheme': 'v1.URIScheme',
  'core/v1.Toleration.operator': 'v1.TolerationOperator',
  'core/v1.Toleration.effect': 'v1.TaintEffect',
  'core/v1.Taint.effect': 'v1.TaintEffect',
  'core/v1.ServiceSpec.type': 'v1.ServiceType',
  'core/v1.ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'core/v1.Secret.type': 'v1.SecretType',
  'core/v1.Secret.data': 'map[string][]uint8',
  'core/v1.ConfigMap.binaryData': 'map[string][]uint8',
  'core/v1.HostPathVolumeSource.type': 'v1.HostPathType',
  'core/v1.PersistentVolumeClaimSpec.volumeMode': 'v1.PersistentVolumeMode',
  'core/v1.PersistentVolumeClaimSpec.accessModes': '[]v1.PersistentVolumeAccessMode',
  'core/v1.NodeSelectorRequirement.operator': 'v1.NodeSelectorOperator',
  'meta/v1.ObjectMeta.uid': 'types.UID',
  'meta/v1.OwnerReference.uid': 'types.UID',
  'meta/v1.LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'apps/v1.DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'apps/v1.DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
  'apps/v1.StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'apps/v1.StatefulSetSpec.podManagementPolicy': 'v1.PodManagementPolicyType',
  'batch/v1.CronJobSpec.concurrencyPolicy': 'v1.ConcurrencyPolicy',
  'batch/v1.JobSpec.completionMode': 'v1.CompletionMode',
  'batch/v1.JobSpec.podReplacementPolicy': 'v1.PodReplacementPolicy',
};

/** Fields whose strings are base64 bytes in Go (`[]byte`). */
const BYTE_FIELDS = new Set(['core/v1.Secret.data', 'core/v1.ConfigMap.binaryData']);

/** TypeMeta has no JSDoc in the models; these are the OpenAPI descriptions. */
const TYPE_META_DESCRIPTIONS: Record<string, string> = {
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  kind: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
};

/** Type aliases with their own JSON form. */
const SCALAR_ALIASES: Record<string, FieldType> = {
  IIoK8sApimachineryPkgUtilIntstrIntOrString: { type: 'int-or-string' },
  IIoK8sApimachineryPkgApiResourceQuantity: { type: 'quantity' },
  IIoK8sApimachineryPkgApisMetaV1Time: { type: 'time' },
  IIoK8sApimachineryPkgApisMetaV1MicroTime: { type: 'time' },
};

/** Interfaces that hold arbitrary JSON, with the type name `kubectl explain` shows for them. */
const OPAQUE_INTERFACES: Record<string, string> = {
  IIoK8sApimachineryPkgRuntimeRawExtension: 'RawExtension',
  IIoK8sApimachineryPkgApisMetaV1FieldsV1: 'FieldsV1',
};

interface ProbeModule {
  validate: ((data: unknown) => boolean) & {
    errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null;
  };
}

function kindFile(group: string, version: string, kind: string): string {
  return group === '' ? `${MODELS}/${version}/${kind}.d.ts` : `${MODELS}/${group}/${version}/${kind}.d.ts`;
}

/** `core/v1.PodSpec` from a declaration file path. */
function definitionKey(fileName: string): string {
  const apimachinery = /@kubernetes-models\/apimachinery\/apis\/([^/]+)\/([^/]+)\/([^/]+)\.d\.ts$/.exec(fileName);
  if (apimachinery) return `${apimachinery[1]}/${apimachinery[2]}.${apimachinery[3]}`;
  const models = /kubernetes-models\/(?:([^/]+)\/)?(v\d+(?:(?:alpha|beta)\d+)?)\/([^/]+)\.d\.ts$/.exec(fileName);
  if (!models) throw new Error(`unexpected model file ${fileName}`);
  const group = models[1] ?? 'core';
  return `${group.split('.')[0]}/${models[2]}.${models[3]}`;
}

/** The models' JSON-schema validator for the interface declared in `fileName`. */
async function loadProbe(fileName: string): Promise<ProbeModule | undefined> {
  const text = ts.sys.readFile(fileName) ?? '';
  const alias = /export \{ I\w+ as I(IoK8s\w+)/.exec(text)?.[1];
  if (!alias) return undefined;
  const base = fileName.includes('@kubernetes-models/apimachinery') ? APIMACHINERY : MODELS;
  const path = `${base}/_schemas/${alias}.mjs`;
  if (!ts.sys.fileExists(path)) return undefined;
  return (await import(`file://${path}`)) as ProbeModule;
}

/** integer (int32/int64) or number (double), by feeding 1.5 to the field's compiled validator. */
function probeNumber(probe: ProbeModule | undefined, path: string[]): FieldType {
  if (!probe) return { type: 'integer', format: 'int32' };
  let data: unknown = 1.5;
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i]!;
    data = step === '[]' ? [data] : step === '{}' ? { key: data } : { [step]: data };
  }
  probe.validate(data);
  const instance = `/${path.map((p) => (p === '[]' ? '0' : p === '{}' ? 'key' : p)).join('/')}`;
  const errors = (probe.validate.errors ?? []).filter((e) => e.instancePath === instance);
  const format = errors.find((e) => e.keyword === 'format')?.params.format as string | undefined;
  if (errors.some((e) => e.keyword === 'type' && e.params.type === 'integer'))
    return { type: 'integer', format: format ?? 'int32' };
  return { type: 'number', format: format ?? 'double' };
}

function documentation(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
}

class Generator {
  readonly definitions: Record<string, Definition> = {};
  private readonly pending: { key: string; node: ts.InterfaceDeclaration }[] = [];

  constructor(private readonly checker: ts.TypeChecker) {}

  /** Registers an interface and returns its key (`core/v1.PodSpec`). */
  enqueue(node: ts.InterfaceDeclaration): string {
    const key = definitionKey(node.getSourceFile().fileName);
    if (!this.definitions[key] && !this.pending.some((p) => p.key === key)) this.pending.push({ key, node });
    return key;
  }

  async run(): Promise<void> {
    while (this.pending.length > 0) {
      const { key, node } = this.pending.shift()!;
      this.definitions[key] = await this.buildDefinition(key, node);
    }
  }

  private async buildDefinition(key: string, node: ts.InterfaceDeclaration): Promise<Definition> {
    const probe = await loadProbe(node.getSourceFile().fileName);
    const symbol = this.checker.getSymbolAtLocation(node.name);
    const fields: Record<string, FieldSchema> = {};
    const isRoot = node.heritageClauses?.some((h) => h.getText().includes('TypeMeta')) ?? false;
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = member.name.getText().replace(/^"|"$/g, '');
      const memberSymbol = this.checker.getSymbolAtLocation(member.name);
      const type = this.fieldType(member.type, probe, [name], `${key}.${name}`);
      const field: FieldSchema = { ...type };
      const description =
        TYPE_META_DESCRIPTIONS[name] && isRoot
          ? TYPE_META_DESCRIPTIONS[name]
          : memberSymbol
            ? documentation(memberSymbol, this.checker)
            : '';
      if (description) field.description = description;
      const typeMeta = isRoot && (name === 'apiVersion' || name === 'kind');
      if (!member.questionToken && !typeMeta) field.required = true;
      fields[name] = field;
    }
    const [, version, goName] = /^[^/]+\/([^.]+)\.(.+)$/.exec(key)!;
    return {
      go: goName!,
      pkg: version!,
      description: symbol ? documentation(symbol, this.checker) : '',
      fields,
    };
  }

  private fieldType(node: ts.TypeNode, probe: ProbeModule | undefined, path: string[], goKey: string): FieldType {
    const result = this.baseType(node, probe, path);
    const go = GO_TYPES[goKey];
    if (go) result.go = go;
    if (BYTE_FIELDS.has(goKey) && result.items) result.items.format = 'byte';
    return result;
  }

  private baseType(node: ts.TypeNode, probe: ProbeModule | undefined, path: string[]): FieldType {
    if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return probeNumber(probe, path);
    if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.UnknownKeyword) return { type: 'any' };
    if (ts.isLiteralTypeNode(node)) return { type: 'string' };
    if (ts.isUnionTypeNode(node)) {
      const values = node.types.filter(ts.isLiteralTypeNode).map((t) => t.literal.getText().replace(/^"|"$/g, ''));
      if (values.length === node.types.length) return { type: 'string', enum: [...values].sort() };
      return { type: 'any' };
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index?.type) return { type: 'map', items: this.baseType(index.type, probe, [...path, '{}']) };
      return { type: 'any' };
    }
    if (ts.isArrayTypeNode(node))
      return { type: 'array', items: this.baseType(node.elementType, probe, [...path, '[]']) };
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (name === 'Array' && node.typeArguments?.[0]) {
        return { type: 'array', items: this.baseType(node.typeArguments[0], probe, [...path, '[]']) };
      }
      const scalar = SCALAR_ALIASES[name];
      if (scalar) return { ...scalar };
      const opaque = OPAQUE_INTERFACES[name];
      if (opaque) return { type: 'any', format: opaque };
      const declaration = this.declarationOf(node.typeName);
      if (declaration) return { type: 'object', ref: this.enqueue(declaration) };
    }
    throw new Error(`unsupported type ${node.getText()} at ${path.join('.')}`);
  }

  private declarationOf(name: ts.EntityName): ts.InterfaceDeclaration | undefined {
    let symbol = this.checker.getSymbolAtLocation(name);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.find(ts.isInterfaceDeclaration);
  }
}

/** The exported `I<Kind>` interface of a model file. */
function kindInterface(source: ts.SourceFile, kind: string): ts.InterfaceDeclaration {
  const found = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`,
  );
  if (!found) throw new Error(`no interface I${kind} in ${source.fileName}`);
  return found;
}

async function generate(): Promise<SchemaDocument> {
  const files = KINDS.map(([group, version, kind]) => kindFile(group, version, kind));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
  });
  const generator = new Generator(program.getTypeChecker());
  const kinds: KindRoot[] = KINDS.map(([group, version, kind], i) => {
    const source = program.getSourceFile(files[i]!);
    if (!source) throw new Error(`missing ${files[i]}`);
    return { group, version, kind, definition: generator.enqueue(kindInterface(source, kind)) };
  });
  await generator.run();
  const definitions: Record<string, Definition> = {};
  for (const key of Object.keys(generator.definitions).sort()) definitions[key] = generator.definitions[key]!;
  return { kubernetesVersion: '1.33', kinds, definitions };
}

const schema = await generate();
ts.sys.writeFile(OUTPUT, `${JSON.stringify(schema)}\n`);
ts.sys.write(
  `wrote ${Object.keys(schema.definitions).length} definitions for ${schema.kinds.length} kinds to ${OUTPUT}\n`,
);
