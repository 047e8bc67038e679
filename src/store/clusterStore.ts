/** The page's read-only mirror of the engine, plus the actions that talk to it. */
import { create } from 'zustand';
import type { EngineInfo } from '../worker/protocol';
import type { EngineClient } from '../worker/engineClient';

export type EngineStatus = 'starting' | 'ready' | 'failed';

interface ClusterSlice {
  status: EngineStatus;
  info?: EngineInfo;
  error?: string;
  /** Output of `kubectl get nodes` at start, shown until the full UI exists. */
  nodesTable?: string;
  connect(client: EngineClient): Promise<void>;
}

export const useClusterStore = create<ClusterSlice>()((set) => ({
  status: 'starting',
  async connect(client) {
    try {
      const info = await client.init({ seed: 1 });
      const nodes = await client.kubectl('get nodes');
      set({ status: 'ready', info, nodesTable: nodes.stdout });
    } catch (error) {
      set({ status: 'failed', error: (error as Error).message });
    }
  },
}));
