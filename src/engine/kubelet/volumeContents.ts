/**
 * What the kubelet writes into the volumes whose files come from the API — configMap, secret, downwardAPI and
 * projected — with their file modes: the volume's `defaultMode`, or an item's own `mode`
 * (pkg/volume/configmap, secret, downwardapi, projected: each item's Mode overrides defaultMode).
 */
import type { Container, Node, Pod, Volume } from '../api/kinds';
import type { ApiServer } from '../api/apiServer';
import { configVolumeFiles } from './configSources';
import { downwardApiFiles } from './downwardApi';
import { projectedVolumeFiles } from './projectedVolume';

/** `defaultMode` of configMap, secret, downwardAPI and projected volumes when unset (0644). */
const DEFAULT_FILE_MODE = 0o644;
const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';

export interface VolumeContents {
  /** Path inside the volume → content; a missing ConfigMap or Secret gives `error` instead. */
  files: Record<string, string>;
  error?: string;
  /** Mode of every file without an item mode. */
  mode: number;
  /** Path → mode for items that set one. */
  modes: Record<string, number>;
  /** Service account token files: the kubelet rotates them on their own schedule, a resync leaves them alone. */
  tokenPaths: string[];
}

/** True for volumes whose contents the kubelet derives from API objects. */
export function hasApiContents(volume: Volume): boolean {
  return Boolean(volume.configMap ?? volume.secret ?? volume.downwardAPI ?? volume.projected);
}

/**
 * True for volumes whose contents can go stale: all but the service account volume every pod gets, whose CA
 * bundle and namespace never change in the playground (sparing a thousand pods their periodic resyncs).
 */
export function canGoStale(volume: Volume): boolean {
  if (!volume.projected) return hasApiContents(volume);
  return (volume.projected.sources ?? []).some(
    (s) =>
      s.secret !== undefined ||
      (s.configMap !== undefined && s.configMap.name !== ROOT_CA_CONFIG_MAP) ||
      (s.downwardAPI?.items ?? []).some((item) => item.fieldRef?.fieldPath !== 'metadata.namespace'),
  );
}

/**
 * The contents a volume should have now, or undefined for volumes that hold data of their own (emptyDir,
 * hostPath, claims). `container` is the one the volume is mounted for: `resourceFieldRef` defaults to it.
 */
export function volumeContents(
  api: ApiServer,
  pod: Pod,
  container: Container,
  volume: Volume,
  nowMs: number,
  node: Node | undefined,
): VolumeContents | undefined {
  const { projected, downwardAPI, configMap, secret } = volume;
  const source = projected ?? downwardAPI ?? configMap ?? secret;
  if (!source) return undefined;
  const mode = source.defaultMode ?? DEFAULT_FILE_MODE;
  const modes: Record<string, number> = {};
  const itemLists = projected
    ? (projected.sources ?? []).flatMap((s) => [
        s.configMap?.items ?? [],
        s.secret?.items ?? [],
        s.downwardAPI?.items ?? [],
      ])
    : [(downwardAPI ?? configMap ?? secret)?.items ?? []];
  for (const item of itemLists.flat()) if (item.mode !== undefined) modes[item.path] = item.mode;

  if (projected) {
    const sources = projected.sources ?? [];
    const tokenPaths = sources.flatMap((s) => (s.serviceAccountToken ? [s.serviceAccountToken.path] : []));
    return { files: projectedVolumeFiles(api, pod, container, sources, nowMs, node), mode, modes, tokenPaths };
  }
  if (downwardAPI)
    return { files: downwardApiFiles(pod, container, downwardAPI.items ?? [], node), mode, modes, tokenPaths: [] };
  const result = configMap
    ? configVolumeFiles(api, pod, 'configmap', configMap)
    : configVolumeFiles(api, pod, 'secret', secret!);
  return result.ok
    ? { files: result.files, mode, modes, tokenPaths: [] }
    : { files: {}, error: result.error, mode, modes, tokenPaths: [] };
}
