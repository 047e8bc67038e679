/**
 * A harness whose tests read like a lesson: apply a manifest, let time pass, look at what kubectl shows.
 * Used by engine tests in Node; nothing here is shipped to the page.
 */
import { Session } from '../session/session';
import type { ClusterOptions } from '../cluster/cluster';
import type { KubectlResult } from '../kubectl/types';
import type { Pod, Event } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import { parseTimestamp } from '../runtime/time';

const PODS = resolveResourceName('pods')!;
const EVENTS = resolveResourceName('events')!;

export class TestCluster {
  readonly session: Session;

  constructor(options: ClusterOptions = {}) {
    // Commands act at the instant the test chose; scripts and the terminal give kubectl its startup time.
    this.session = Session.create(options, { kubectlStartupMs: 0 });
  }

  get cluster() {
    return this.session.cluster;
  }

  /** `kubectl apply -f -` with the manifest; throws if kubectl fails, so a test never runs on a rejected object. */
  apply(manifest: string): KubectlResult {
    const result = this.session.kubectl('apply -f -', manifest);
    if (result.exitCode !== 0) throw new Error(`apply failed: ${result.stderr}`);
    return result;
  }

  kubectl(commandLine: string, stdin?: string): KubectlResult {
    return this.session.kubectl(commandLine, stdin);
  }

  /** Lets `seconds` of virtual time pass. */
  advance(seconds: number): void {
    this.session.advance(seconds * 1000);
  }

  /** Seconds of virtual time since the cluster was created. */
  elapsed(): number {
    return (this.cluster.now() - this.cluster.state.options.startTime) / 1000;
  }

  pod(name: string, namespace = 'default'): Pod | undefined {
    return this.cluster.api.find(PODS, namespace, name) as Pod | undefined;
  }

  pods(namespace = 'default'): Pod[] {
    return this.cluster.api.all(PODS, namespace) as Pod[];
  }

  /** Events about an object, oldest first, as `reason: message` lines. */
  events(name: string, namespace = 'default'): string[] {
    return (this.cluster.api.all(EVENTS, namespace) as Event[])
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => occurredAt(a) - occurredAt(b) || (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => `${e.reason}: ${e.message}`);
  }

  /** Advances one second at a time until `done` holds; returns the seconds waited, or throws after `limit`. */
  waitFor(done: () => boolean, limit = 300): number {
    for (let waited = 0; waited <= limit; waited++) {
      if (done()) return waited;
      this.advance(1);
    }
    throw new Error(`condition not met within ${limit}s`);
  }
}

/** When an event first happened: core events carry firstTimestamp, events.k8s.io ones (the scheduler's) eventTime. */
function occurredAt(event: Event): number {
  return parseTimestamp(event.firstTimestamp ?? event.eventTime) ?? 0;
}
