/**
 * The kubelet's image manager (pkg/kubelet/images/image_manager.go EnsureImageExists): decides from the pull policy
 * whether to pull, pulls through the node's serialized puller, keeps the per-image pull back-off, and records the
 * Pulling / Pulled / Failed / BackOff events with the kubelet's wording.
 */
import type { Container, Pod } from '../api/kinds';
import type { ImageSpec } from '../images/types';
import { TIMING, inRange } from '../runtime/timing';
import { isInBackoffSince, nextBackoff } from './backoff';
import { formatGoDuration } from './goDuration';
import type { KubeletContext } from './kubeletContext';
import type { ContainerWorkerState, PodWorkerState } from './workerState';

/** What the pod worker does next for a container's image. */
export type ImageCheck =
  /** The image is on the node: create the container. */
  | { kind: 'ready'; image: ImageSpec }
  /** A pull was queued; it completes at `until` (then call `completePull`). */
  | { kind: 'pulling'; until: number }
  /** The container cannot start now; the reason shows as its waiting reason; the pod worker retries later. */
  | { kind: 'failed'; reason: string; message: string; retryInMs: number };

/** pod_workers.go: a sync that failed with an error is retried after backOffPeriod (10 s). */
export const SYNC_ERROR_RETRY_MS = 10_000;

export class ImageManager {
  constructor(private readonly ctx: KubeletContext) {}

  /** The first step of starting a container: is the image there, may it be pulled, or must the pod wait? */
  ensureImage(pod: Pod, worker: PodWorkerState, container: Container, state: ContainerWorkerState): ImageCheck {
    const { ctx } = this;
    const now = ctx.runtime.now();
    const image = container.image ?? '';
    const resolution = ctx.images.resolve(image);
    if (resolution.kind === 'invalid') {
      ctx.record(pod, 'Warning', 'InspectFailed', resolution.message, container.name);
      ctx.record(pod, 'Warning', 'Failed', 'Error: InvalidImageName', container.name);
      return {
        kind: 'failed',
        reason: 'InvalidImageName',
        message: resolution.message,
        retryInMs: SYNC_ERROR_RETRY_MS,
      };
    }
    const reference = resolution.kind === 'found' ? resolution.image.reference : resolution.reference;
    const present = ctx.containers.hasImage(worker.node, reference.canonical);
    const policy = container.imagePullPolicy ?? 'IfNotPresent';
    if (policy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      ctx.record(pod, 'Warning', 'ErrImageNeverPull', message, container.name);
      ctx.record(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', container.name);
      return { kind: 'failed', reason: 'ErrImageNeverPull', message, retryInMs: SYNC_ERROR_RETRY_MS };
    }
    if (present && policy !== 'Always' && resolution.kind === 'found') {
      ctx.record(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, container.name);
      this.noteSimulated(pod, container, resolution.image);
      return { kind: 'ready', image: resolution.image };
    }
    // IsInBackOffSinceUpdate: the window runs from the last failed pull.
    const backoff = state.pullBackoff;
    if (backoff && isInBackoffSince(backoff, backoff.lastUpdate, now)) {
      const message = `Back-off pulling image "${image}"`;
      ctx.record(pod, 'Normal', 'BackOff', message, container.name);
      ctx.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', container.name);
      return {
        kind: 'failed',
        reason: 'ImagePullBackOff',
        message,
        retryInMs: backoff.lastUpdate + backoff.delayMs - now,
      };
    }
    ctx.record(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, container.name);
    // Pulls on a node are serialized (kubelet --serialize-image-pulls=true); layers already there are not fetched.
    const startsAt = Math.max(now, ctx.state.pullQueue[worker.node] ?? 0);
    const bytes = resolution.kind === 'found' && !present ? resolution.image.sizeBytes : 0;
    const until =
      startsAt + inRange(TIMING.pullOverheadMs, ctx.runtime.random()) + Math.round(bytes / TIMING.pullBytesPerMs);
    ctx.state.pullQueue[worker.node] = until;
    state.pending = { stage: 'pull', until, requestedAt: now, startedAt: startsAt };
    return { kind: 'pulling', until };
  }

  /** The pull of a container's image has ended: the image is stored on the node, or the pull failed. */
  completePull(pod: Pod, worker: PodWorkerState, container: Container, state: ContainerWorkerState): ImageCheck {
    const { ctx } = this;
    const now = ctx.runtime.now();
    const image = container.image ?? '';
    const requestedAt = state.pending?.requestedAt ?? now;
    const startedAt = state.pending?.startedAt ?? now;
    delete state.pending;
    const resolution = ctx.images.resolve(image);
    if (resolution.kind !== 'found') {
      const canonical = resolution.kind === 'tag-not-found' ? resolution.reference.canonical : image;
      // containerd's answer for a tag the registry does not have.
      const error =
        `rpc error: code = NotFound desc = failed to pull and unpack image "${canonical}": ` +
        `failed to resolve reference "${canonical}": ${canonical}: not found`;
      ctx.record(pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`, container.name);
      ctx.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', container.name);
      state.pullBackoff = nextBackoff(state.pullBackoff, now);
      return { kind: 'failed', reason: 'ErrImagePull', message: error, retryInMs: SYNC_ERROR_RETRY_MS };
    }
    ctx.containers.storeImage(worker.node, resolution.image);
    delete state.pullBackoff;
    ctx.record(
      pod,
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${formatGoDuration(now - startedAt)} (${formatGoDuration(now - requestedAt)} including waiting). Image size: ${resolution.image.sizeBytes} bytes.`,
      container.name,
    );
    this.noteSimulated(pod, container, resolution.image);
    return { kind: 'ready', image: resolution.image };
  }

  /** The playground's own note that an image outside its catalog runs as a stand-in process. */
  private noteSimulated(pod: Pod, container: Container, image: ImageSpec): void {
    if (!image.simulated) return;
    this.ctx.record(
      pod,
      'Normal',
      'Simulated',
      `Image "${container.image}" is not in Kube Playground's catalog: it runs as a generic long-running process`,
      container.name,
    );
  }
}
