/**
 * The playground page: manifests and terminal on the left, the cluster graph in the middle, the inspector and the
 * controllers' reasons on the right, the timeline along the bottom. The graph paints first; Monaco follows.
 */
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../store/playgroundStore';
import { EditorPanel } from './editorPanel/EditorPanel';
import { GraphPanel } from './graphPanel/GraphPanel';
import { Header } from './header/Header';
import { Inspector } from './inspector/Inspector';
import { importDroppedFile } from './scenario/importDroppedFile';
import { ScenarioBanner } from './scenario/ScenarioBanner';
import { Terminal } from './terminal/Terminal';
import { Timeline } from './timeline/Timeline';
import { WhyPanel } from './why/WhyPanel';

export function App() {
  const { t } = useTranslation();
  const status = usePlayground((s) => s.status);
  const error = usePlayground((s) => s.error);
  const notice = usePlayground((s) => s.notice);
  const dismissNotice = usePlayground((s) => s.dismissNotice);

  return (
    <div
      className="app"
      data-engine-status={status}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        const file = event.dataTransfer.files[0];
        if (!file) return;
        event.preventDefault();
        void importDroppedFile(file);
      }}
    >
      <Header />
      <ScenarioBanner />
      {status === 'failed' && (
        <p role="alert" className="banner banner-error">
          {t('app.failed', { error })}
        </p>
      )}
      {notice && (
        <p role="alert" className="banner">
          {t('app.restarted', { message: notice })}{' '}
          <button type="button" onClick={dismissNotice}>
            {t('app.dismiss')}
          </button>
        </p>
      )}
      <div className="workbench">
        <EditorPanel />
        <Terminal />
      </div>
      <GraphPanel />
      <aside className="sidebar">
        <Inspector />
        <WhyPanel />
      </aside>
      <Timeline />
    </div>
  );
}
