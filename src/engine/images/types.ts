import type { ProgramDefinition, Userland } from '../os/types';

/** A container image reference split the way containerd normalises it. */
export interface ImageReference {
  /** As written in the pod spec, e.g. `nginx:1.25`. */
  original: string;
  /** Registry host, e.g. `docker.io`, `registry.k8s.io`, `quay.io`. */
  registry: string;
  /** Repository path within the registry, e.g. `library/nginx`. */
  repository: string;
  /** Tag (defaults to `latest` when neither tag nor digest is given). */
  tag?: string;
  digest?: string;
  /** Fully qualified, e.g. `docker.io/library/nginx:1.25` (what containerd's error messages print). */
  canonical: string;
}

/** What an image holds and does when started without a command override. */
export interface ImageSpec {
  reference: ImageReference;
  /** `sha256:` + 64 hex characters; stable for a given image and tag. */
  digest: string;
  sizeBytes: number;
  /** Docker ENTRYPOINT and CMD; a pod's `command` replaces entrypoint, `args` replaces cmd. */
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir: string;
  /** Ports the image's default process listens on (documentation only; listening is the program's doing). */
  exposedPorts: number[];
  user: string;
  /** Executables on PATH (basenames); anything else gives `executable file not found in $PATH`. */
  commands: string[];
  /**
   * Whose shell and tools the image has, which decides their wording (`sh: foo: not found` from busybox's ash,
   * `sh: 1: foo: not found` from Debian's dash).
   */
  userland: Userland;
  /** Files in the image's root file system beyond the empty directory skeleton (path → content). */
  files: Record<string, string>;
  /** Seconds to pull on a node without the image (before per-node jitter). */
  pullSeconds: number;
  /** Seconds from container start until its main process is serving (the kubelet still reports Running at once). */
  startupSeconds: number;
  /** True when the repository is not in the catalog and the image runs as a generic long-running process. */
  simulated: boolean;
}

export type ImageResolution =
  | { kind: 'found'; image: ImageSpec }
  /** The repository is known, the tag is not: the pull fails as the registry would answer. */
  | { kind: 'tag-not-found'; reference: ImageReference }
  /** Not a valid reference at all (kubelet: InvalidImageName). */
  | { kind: 'invalid'; original: string; message: string };

export interface ImageCatalog {
  resolve(image: string): ImageResolution;
}

/** Long-running programs shipped by images (nginx, httpd, agnhost, ...), keyed by executable basename. */
export type ProgramRegistry = Record<string, ProgramDefinition<any>>;
