/**
 * What a container of a given image costs to run, for the simulated metrics pipeline: CPU time per HTTP request it
 * serves, CPU while idle, and its memory working set. Orders of magnitude, not measurements: nginx and httpd serve a
 * static page in a fraction of a millisecond; the HPA walkthrough's php-apache (hpa-example) burns milliseconds of
 * CPU per request by design (a loop of a million square roots).
 */
export interface ResourceProfile {
  /** CPU seconds per request served. */
  cpuPerRequest: number;
  /** CPU cores used while nothing is asked of it. */
  idleCores: number;
  /** Memory working set, bytes. */
  memoryBytes: number;
}

const MI = 1024 * 1024;

/** By repository name (the last path segment: `nginx` for `docker.io/library/nginx` and its mirrors). */
const PROFILES: Record<string, ResourceProfile> = {
  nginx: { cpuPerRequest: 0.0001, idleCores: 0, memoryBytes: 3 * MI },
  httpd: { cpuPerRequest: 0.0002, idleCores: 0, memoryBytes: 6 * MI },
  'hpa-example': { cpuPerRequest: 0.005, idleCores: 0.001, memoryBytes: 11 * MI },
  busybox: { cpuPerRequest: 0.001, idleCores: 0, memoryBytes: MI / 2 },
  redis: { cpuPerRequest: 0.00005, idleCores: 0.002, memoryBytes: 4 * MI },
  mysql: { cpuPerRequest: 0.001, idleCores: 0.005, memoryBytes: 380 * MI },
  // polinux/stress and vish/stress: the hogs' memory and CPU are their processes'. The docs' memory-demo
  // (assign-memory-resource) reads 162856960 bytes for a 150 MiB hog: 5.3125 MiB above it.
  stress: { cpuPerRequest: 0, idleCores: 0, memoryBytes: 5.3125 * MI },
};

const DEFAULT_PROFILE: ResourceProfile = { cpuPerRequest: 0.001, idleCores: 0.001, memoryBytes: 12 * MI };

/** The profile of an image repository (`library/nginx`, `hpa-example`); unknown images get a generic one. */
export function resourceProfileOf(repository: string): ResourceProfile {
  return PROFILES[repository.slice(repository.lastIndexOf('/') + 1)] ?? DEFAULT_PROFILE;
}
