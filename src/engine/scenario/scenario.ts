/**
 * A scenario: everything needed to reproduce a run exactly — the cluster's shape and seed, what was done and when,
 * where the clock stands, and how the page looked. The same value is a `.kubeplay.yaml` file, a share link and the
 * page's autosaved workspace.
 */
import type { ClusterShape } from '../cluster/shape';

/** The format's `apiVersion`; a file or link of a later version is refused, an earlier one migrated. */
export const SCENARIO_API_VERSION = 'kubeplay/v1';
export const SCENARIO_KIND = 'Scenario';

/** One thing done: session-script text (a kubectl command, a heredoc, a `kubeplay` action, a shell line). */
export interface ScenarioStep {
  /** Virtual ms after the scenario's start at which it ran. */
  at: number;
  run: string;
}

/** An object the page had selected, as `Kind/namespace/name` (`Node/worker1` for cluster-scoped ones). */
export type SelectedObject = string;

export interface ScenarioView {
  selected?: SelectedObject;
  /** Playback speed (one of the timeline's speeds). */
  speed?: number;
  /** Whether the clock runs as soon as the scenario opens (examples play; shared moments open paused). */
  playing?: boolean;
}

export interface Scenario {
  /** Shown in the page and in the file; a gallery example's is its ID. */
  title?: string;
  description?: { en?: string; zh?: string };
  /** Seed of every random choice: pod names, IPs, tie-breaks. */
  seed: number;
  cluster: ClusterShape;
  steps: ScenarioStep[];
  /** Virtual ms after the start where the clock stands. */
  clock: number;
  /** Virtual ms after the start where the timeline ends (a run scrubbed back still reaches here); default: the clock or the last step. */
  end?: number;
  /** The YAML editor's text. */
  editor?: string;
  view?: ScenarioView;
}
