/**
 * The `kubectl get -w` commands a terminal keeps running: each follows the API server's changes and prints a row
 * the moment a change it watches happens (virtual time, so AGE columns read right), kept until the terminal reads
 * it. They belong to the learner's terminal, like processes, not to the cluster: no snapshot holds them.
 */
import type { ApiServer, WatchListener } from '../api/apiServer';
import { KubectlError, formatError } from '../kubectl/errors';
import { printWatchEvents } from '../kubectl/watch/watchPrinter';
import { watchEventFor, type GetWatchSpec } from '../kubectl/watch/watchSpec';

export type WatchId = number;

interface RunningWatch {
  spec: GetWatchSpec;
  /** Printed since the terminal last read. */
  output: string;
  listener: WatchListener;
  /** A printer failed (a template that cannot print an object): kubectl exited with the error. */
  ended?: true;
}

export class TerminalWatches {
  private readonly running = new Map<WatchId, RunningWatch>();
  private nextId = 1;

  constructor(private readonly api: ApiServer) {}

  /** Starts following the watch a `kubectl get -w` set up. */
  start(spec: GetWatchSpec): WatchId {
    const id = this.nextId++;
    const watch: RunningWatch = { spec, output: '', listener: () => undefined };
    watch.listener = (event, resource, previous) => {
      if (watch.ended) return;
      const seen = watchEventFor(spec, event, resource, previous);
      if (!seen) return;
      try {
        watch.output += printWatchEvents(spec, [seen], this.api.now());
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        watch.output += formatError(e);
        watch.ended = true;
      }
    };
    this.api.watch(watch.listener);
    this.running.set(id, watch);
    return id;
  }

  /** What the watch printed since the last read; '' for a watch that is not running. */
  read(id: WatchId): string {
    const watch = this.running.get(id);
    if (!watch) return '';
    const output = watch.output;
    watch.output = '';
    // Unregistered here rather than in the listener: the API server is walking its listeners then.
    if (watch.ended) this.stop(id);
    return output;
  }

  /** Ends a watch (the learner's Ctrl-C); its unread output is dropped. */
  stop(id: WatchId): void {
    const watch = this.running.get(id);
    if (!watch) return;
    this.api.unwatch(watch.listener);
    this.running.delete(id);
  }
}
