/**
 * The timing model: how long things take in the simulated cluster. Values are chosen to look like a small kubeadm
 * cluster on a fast network (measured orders of magnitude, not promises) and are all deterministic; where a range is
 * given, the engine draws from it with its seeded random source. Documented in ARCHITECTURE.md.
 */
export const TIMING = {
  /** Watch delivery plus work-queue pickup for a controller. */
  controllerReactionMs: 20,
  /** From an unscheduled pod appearing to the scheduler's binding. */
  schedulingMs: 30,
  /** Kubelet noticing a pod bound to its node (watch) and starting the pod worker. */
  kubeletReactionMs: 15,
  /** Creating the pod sandbox (pause container, network setup, IP assignment). */
  sandboxSetupMs: [300, 600] as const,
  /** Image pull throughput, bytes per millisecond (≈ 60 MB/s), plus a fixed registry round-trip. */
  pullBytesPerMs: 60_000,
  pullOverheadMs: [400, 900] as const,
  /** containerd create + start of a container whose image is present. */
  containerCreateMs: [80, 160] as const,
  containerStartMs: [60, 140] as const,
  /** Kubelet status manager: delay before a status change reaches the API server. */
  statusSyncMs: 10,
  /** Time a successful probe takes to answer. */
  probeLatencyMs: 2,
  /** Kubelet's periodic pod sync (volume content refresh etc.). */
  podSyncPeriodMs: 60_000,
} as const;

/** Uniform integer in [min, max] from a [0, 1) sample. */
export function inRange(range: readonly [number, number], sample: number): number {
  return Math.round(range[0] + (range[1] - range[0]) * sample);
}
