/** The cluster graph with its toolbar (add a node) and a legend of the pod shapes. */
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { ClusterGraph } from '../graph/ClusterGraph';
import { addNodeCommand } from '../inspector/faultCommands';
import './graphPanel.css';

export function GraphPanel() {
  const { t } = useTranslation();
  const view = usePlayground((s) => s.view);
  const selected = usePlayground((s) => s.selected);
  const select = usePlayground((s) => s.select);
  const runScript = usePlayground((s) => s.runScript);
  const echoRun = usePlayground((s) => s.echoRun);
  const status = usePlayground((s) => s.status);
  const now = usePlayground((s) => s.clock?.now);

  const addNode = async () => {
    const command = addNodeCommand(view);
    echoRun(command, await runScript(command));
  };

  return (
    <section className="graph-panel" aria-label={t('graphPanel.region')}>
      <div className="graph-toolbar">
        <button type="button" disabled={status !== 'ready'} onClick={() => void addNode()}>
          {t('graphPanel.addNode')}
        </button>
        <span className="muted">{t('graphPanel.hint')}</span>
      </div>
      {status === 'starting' && <p role="status">{t('app.starting')}</p>}
      <ClusterGraph view={view} selectedUid={selected?.uid} onSelect={select} now={now} />
    </section>
  );
}
