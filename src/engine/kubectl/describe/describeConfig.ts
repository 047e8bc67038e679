/**
 * `kubectl describe` for ConfigMaps, Secrets and ServiceAccounts
 * (`KC:pkg/describe/describe.go:ConfigMapDescriber, describeSecret, describeServiceAccount`).
 */
import type { KubeObject } from '../../api/types';
import { decodeBase64, decodeBase64Text } from '../format/base64';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { listRelated, type DescribeInput } from './describeInput';
import { LEVEL_0, PrefixWriter } from './prefixWriter';

const asStrings = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' ? (value as Record<string, string>) : {};

function writeMetadata(w: PrefixWriter, object: KubeObject): void {
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
}

/** Data values in full under `key:` and `----` (sorted here; Go ranges over the map at random), binary data as sizes. */
export function describeConfigMap(input: DescribeInput): string {
  const { object } = input;
  const data = asStrings(object.data);
  const binary = asStrings(object.binaryData);
  const w = new PrefixWriter();
  writeMetadata(w, object);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of Object.keys(data).sort()) w.write(LEVEL_0, `${key}:\n----\n${data[key]}\n\n`);
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const key of Object.keys(binary).sort()) {
    w.write(LEVEL_0, `${key}: ${decodeBase64(binary[key] ?? '').length} bytes\n`);
  }
  w.write(LEVEL_0, '\n');
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

/** Sizes of the values only, except a service-account token, which is printed. No events. */
export function describeSecret(input: DescribeInput): string {
  const { object } = input;
  const data = asStrings(object.data);
  const type = typeof object.type === 'string' ? object.type : '';
  const w = new PrefixWriter();
  writeMetadata(w, object);
  w.write(LEVEL_0, `\nType:\t${type}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const key of Object.keys(data).sort()) {
    const value = data[key] ?? '';
    if (key === 'token' && type === 'kubernetes.io/service-account-token') {
      w.write(LEVEL_0, `${key}:\t${decodeBase64Text(value)}\n`);
    } else {
      w.write(LEVEL_0, `${key}:\t${decodeBase64(value).length} bytes\n`);
    }
  }
  return w.text();
}

interface SecretRef {
  name?: string;
}

/** Image pull secrets, mountable secrets and token secrets, `(not found)` for references to missing secrets. */
export function describeServiceAccount(input: DescribeInput): string {
  const { object } = input;
  const secrets = listRelated(input, 'secrets');
  const existing = new Set(secrets.map((s) => s.metadata.name ?? ''));
  const names = (refs: unknown) => ((Array.isArray(refs) ? refs : []) as SecretRef[]).map((r) => r.name ?? '');
  const tokens = secrets
    .filter(
      (s) =>
        s.type === 'kubernetes.io/service-account-token' &&
        s.metadata.annotations?.['kubernetes.io/service-account.name'] === object.metadata.name &&
        s.metadata.annotations?.['kubernetes.io/service-account.uid'] === object.metadata.uid,
    )
    .map((s) => s.metadata.name ?? '');
  const w = new PrefixWriter();
  writeMetadata(w, object);
  // The headers in sorted order, padded to one width as kubectl writes them.
  const sections: [string, string[], boolean][] = [
    ['Image pull secrets:', names(object.imagePullSecrets), true],
    ['Mountable secrets: ', names(object.secrets), true],
    ['Tokens:            ', tokens, false],
  ];
  for (const [header, list, checkMissing] of sections) {
    if (list.length === 0) {
      w.write(LEVEL_0, `${header}\t<none>\n`);
      continue;
    }
    list.forEach((name, i) => {
      const missing = checkMissing && !existing.has(name) ? ' (not found)' : '';
      w.write(LEVEL_0, `${i === 0 ? header : ' '.repeat(header.length)}\t${name}${missing}\n`);
    });
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}
