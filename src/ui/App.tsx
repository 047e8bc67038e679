import { useEffect } from 'react';
import { useClusterStore } from '../store/clusterStore';
import type { EngineClient } from '../worker/engineClient';

const formatTime = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');

export function App({ engine }: { engine: EngineClient }) {
  const status = useClusterStore((s) => s.status);
  const info = useClusterStore((s) => s.info);
  const error = useClusterStore((s) => s.error);
  const nodesTable = useClusterStore((s) => s.nodesTable);
  const connect = useClusterStore((s) => s.connect);

  useEffect(() => {
    void connect(engine);
  }, [connect, engine]);

  return (
    <main className="app" data-engine-status={status}>
      <header>
        <h1>Kube Playground</h1>
        <p>A simulated Kubernetes cluster in your browser.</p>
      </header>
      {status === 'starting' && <p role="status">Starting the cluster…</p>}
      {status === 'failed' && <p role="alert">The engine failed to start: {error}</p>}
      {status === 'ready' && info && (
        <section aria-label="Cluster">
          <p>
            Cluster time: <time aria-label="Cluster time">{formatTime(info.now)}</time> · seed {info.seed}
          </p>
          <pre aria-label="kubectl get nodes">{nodesTable}</pre>
        </section>
      )}
    </main>
  );
}
