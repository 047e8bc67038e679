/** The volumes section of `kubectl describe` and the volume sources of a PersistentVolume (`KC:pkg/describe/describe.go`). */
import type { IIoK8sApiCoreV1Volume as Volume } from 'kubernetes-models/v1/Volume';
import type { IIoK8sApiCoreV1HostPathVolumeSource as HostPathSource } from 'kubernetes-models/v1/HostPathVolumeSource';
import type { IIoK8sApiCoreV1NFSVolumeSource as NfsSource } from 'kubernetes-models/v1/NFSVolumeSource';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter';

/** `printHostPathVolumeSource`. */
export function printHostPathSource(w: PrefixWriter, hostPath: HostPathSource): void {
  w.write(
    LEVEL_2,
    `Type:\tHostPath (bare host directory volume)\n    Path:\t${hostPath.path}\n    HostPathType:\t${hostPath.type ?? '<none>'}\n`,
  );
}

/** `printNFSVolumeSource`. */
export function printNfsSource(w: PrefixWriter, nfs: NfsSource): void {
  w.write(
    LEVEL_2,
    `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${nfs.server}\n    Path:\t${nfs.path}\n    ReadOnly:\t${nfs.readOnly === true}\n`,
  );
}

function describeVolume(w: PrefixWriter, volume: Volume, nameIndent: string): void {
  w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`);
  if (volume.hostPath) {
    printHostPathSource(w, volume.hostPath);
  } else if (volume.emptyDir) {
    const size = volume.emptyDir.sizeLimit !== undefined ? String(volume.emptyDir.sizeLimit) : '<unset>';
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${volume.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`,
    );
  } else if (volume.secret) {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${volume.secret.secretName ?? ''}\n    Optional:\t${volume.secret.optional === true}\n`,
    );
  } else if (volume.configMap) {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${volume.configMap.name ?? ''}\n    Optional:\t${volume.configMap.optional === true}\n`,
    );
  } else if (volume.nfs) {
    printNfsSource(w, volume.nfs);
  } else if (volume.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${volume.persistentVolumeClaim.claimName}\n    ReadOnly:\t${volume.persistentVolumeClaim.readOnly === true}\n`,
    );
  } else if (volume.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const source of volume.projected.sources ?? []) {
      if (source.secret)
        w.write(
          LEVEL_2,
          `SecretName:\t${source.secret.name ?? ''}\n    Optional:\t${source.secret.optional === true}\n`,
        );
      else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (source.configMap)
        w.write(
          LEVEL_2,
          `ConfigMapName:\t${source.configMap.name ?? ''}\n    Optional:\t${source.configMap.optional === true}\n`,
        );
      else if (source.serviceAccountToken)
        w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else if (volume.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** `describeVolumes`: `space` indents the title in a pod template and shifts volume names by one column. */
export function describeVolumes(w: PrefixWriter, volumes: readonly Volume[], space = ''): void {
  if (volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) describeVolume(w, volume, space ? ' ' : '');
}
