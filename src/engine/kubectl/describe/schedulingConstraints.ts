/** Tolerations and topology spread constraints as `kubectl describe` prints them (`KC:pkg/describe/describe.go`). */
import type { IIoK8sApiCoreV1Toleration as Toleration } from 'kubernetes-models/v1/Toleration';
import type { IIoK8sApiCoreV1TopologySpreadConstraint as TopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import { formatSelectorSpec } from '../printers/cellFormats';
import { LEVEL_0, type PrefixWriter } from './prefixWriter';

/** `printPodTolerationsMultiline`: sorted by key, `key=value:Effect op=Exists for 300s`. */
export function printTolerations(w: PrefixWriter, title: string, tolerations: readonly Toleration[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (tolerations.length === 0) return w.writeLine('<none>');
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  sorted.forEach((t, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** `describeTopologySpreadConstraints`: `key:WhenUnsatisfiable when max skew N is exceeded for selector S`. */
export function describeTopologySpread(
  w: PrefixWriter,
  constraints: readonly TopologySpreadConstraint[],
  space = '',
): void {
  if (constraints.length === 0) return;
  const sorted = [...constraints].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0,
  );
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((c, i) => {
    if (i > 0) w.write(LEVEL_0, `${space}\t`);
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) text += ` for selector ${formatSelectorSpec(c.labelSelector as never)}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
