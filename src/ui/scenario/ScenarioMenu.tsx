/**
 * The scenario's controls in the title bar: what is open, the examples gallery, reset, import, export and the
 * learner's recent workspaces.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import type { FileFormat } from '../../store/scenarioSlice';
import { downloadText } from './downloadText';
import { GalleryDialog } from './GalleryDialog';
import { importDroppedFile } from './importDroppedFile';
import { originLabel } from './originLabel';

const EXPORT_FORMATS: FileFormat[] = ['file', 'manifests', 'script', 'events'];

export function ScenarioMenu() {
  const { t } = useTranslation();
  const workspaces = usePlayground((s) => s.workspaces);
  const reset = usePlayground((s) => s.reset);
  const restoreWorkspace = usePlayground((s) => s.restoreWorkspace);
  const exportFile = usePlayground((s) => s.exportFile);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const current = workspaces[0];

  const download = async (format: FileFormat, menu: HTMLDetailsElement | null) => {
    if (menu) menu.open = false;
    const file = await exportFile(format);
    downloadText(file.name, file.text, file.type);
  };

  return (
    <nav className="scenario-menu" aria-label={t('scenario.menu')}>
      {current && (
        <span className="scenario-title" data-origin={current.origin.kind}>
          {originLabel(t, current.origin, current.scenario.title)}
        </span>
      )}
      <button type="button" aria-label="Examples" onClick={() => setGalleryOpen(true)}>
        {t('scenario.examples')}
      </button>
      <button type="button" aria-label="Reset" title={t('scenario.resetHint')} onClick={() => void reset()}>
        {t('scenario.reset')}
      </button>
      <button type="button" aria-label="Import" onClick={() => picker.current?.click()}>
        {t('scenario.import')}
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        accept=".yaml,.yml,.sh,.txt"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importDroppedFile(file);
          event.target.value = '';
        }}
      />
      <details className="menu">
        <summary aria-label="Export">{t('scenario.export')}</summary>
        <div className="popover menu-items">
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              data-export={format}
              onClick={(event) => void download(format, event.currentTarget.closest('details'))}
            >
              {t(`scenario.exportAs.${format}`)}
            </button>
          ))}
        </div>
      </details>
      <details className="menu">
        <summary aria-label="Recent">{t('scenario.recent')}</summary>
        <div className="popover menu-items">
          {workspaces.length < 2 && <p className="muted">{t('scenario.noRecent')}</p>}
          {workspaces.slice(1).map((workspace) => (
            <button
              key={workspace.id}
              type="button"
              data-workspace={workspace.id}
              onClick={(event) => {
                event.currentTarget.closest('details')!.open = false;
                void restoreWorkspace(workspace.id);
              }}
            >
              {originLabel(t, workspace.origin, workspace.scenario.title)}{' '}
              <span className="muted">{new Date(workspace.savedAt).toLocaleString()}</span>
            </button>
          ))}
        </div>
      </details>
      {galleryOpen && <GalleryDialog onClose={() => setGalleryOpen(false)} />}
    </nav>
  );
}
