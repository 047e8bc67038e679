/**
 * Why the cluster did what it did: each controller decision a learner may wonder about, with the numbers behind
 * it ("maxSurge 1 (25% of 3, rounded up) allows 4 pods: scaled up new ReplicaSet to 1"). kubectl never shows these;
 * the page does, next to the events they explain.
 */
export interface Decision {
  /** Virtual ms since the Unix epoch. */
  time: number;
  controller: string;
  object: { kind: string; namespace?: string; name: string; uid?: string };
  text: string;
}

export interface DecisionLogState {
  entries: Decision[];
}

/** Enough history for the page's timeline; older decisions are dropped first. */
const MAX_DECISIONS = 5000;

export class DecisionLog {
  constructor(
    readonly state: DecisionLogState,
    private readonly now: () => number,
  ) {}

  static initialState(): DecisionLogState {
    return { entries: [] };
  }

  record(controller: string, object: Decision['object'], text: string): void {
    this.state.entries.push({ time: this.now(), controller, object, text });
    if (this.state.entries.length > MAX_DECISIONS)
      this.state.entries.splice(0, this.state.entries.length - MAX_DECISIONS);
  }

  /**
   * Records a decision unless the latest one `controller` made about the object says the same: a controller that
   * re-syncs while waiting (a stalled rollout) explains the wait once, not on every sync.
   */
  recordUnlessRepeated(controller: string, object: Decision['object'], text: string): void {
    for (let i = this.state.entries.length - 1; i >= 0; i--) {
      const entry = this.state.entries[i]!;
      if (entry.controller !== controller || !sameObject(entry.object, object)) continue;
      if (entry.text === text) return;
      break;
    }
    this.record(controller, object, text);
  }

  /** Decisions about one object, oldest first. */
  about(kind: string, namespace: string | undefined, name: string): Decision[] {
    return this.state.entries.filter(
      (d) => d.object.kind === kind && d.object.name === name && d.object.namespace === namespace,
    );
  }
}

function sameObject(a: Decision['object'], b: Decision['object']): boolean {
  return a.kind === b.kind && a.name === b.name && a.namespace === b.namespace && a.uid === b.uid;
}
