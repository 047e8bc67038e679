/**
 * The manifests panel: Monaco, loaded after the graph has painted, with Apply and Delete; errors from the last
 * apply are drawn at their line and column. `kubectl edit` opens an object here until it is saved or given up.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlayground } from '../../store/playgroundStore';
import { locateApplyErrors } from '../editor/locateApplyErrors';
import './editorPanel.css';

const ManifestEditor = lazy(() => import('../editor/ManifestEditor'));

export function EditorPanel() {
  const { t } = useTranslation();
  const text = usePlayground((s) => s.editorText);
  const editing = usePlayground((s) => s.editing);
  const lastApply = usePlayground((s) => s.lastApply);
  const setText = usePlayground((s) => s.setEditorText);
  const applyEditor = usePlayground((s) => s.applyEditor);
  const deleteObjects = usePlayground((s) => s.deleteEditorObjects);
  const stopEditing = usePlayground((s) => s.stopEditing);
  const ready = usePlayground((s) => s.status === 'ready');
  const graphShown = usePlayground((s) => s.view !== undefined);
  const [loadEditor, setLoadEditor] = useState(false);
  // Monaco (a few MB to parse) waits until the graph's first picture has been painted: two animation frames.
  useEffect(() => {
    if (!graphShown) return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => setLoadEditor(true));
    });
    return () => cancelAnimationFrame(frame);
  }, [graphShown]);
  // Markers belong to the text that was applied; once the learner edits it they may no longer fit.
  const markers = useMemo(
    () => (lastApply && lastApply.text === text && lastApply.stderr ? locateApplyErrors(text, lastApply.stderr) : []),
    [lastApply, text],
  );

  return (
    <section className="editor-panel" aria-label={t('editorPanel.region')}>
      <div className="editor-toolbar">
        <button type="button" aria-label="Apply" disabled={!ready} onClick={() => void applyEditor()}>
          {editing ? t('editorPanel.save') : t('editorPanel.apply')}
        </button>
        {!editing && (
          <button type="button" aria-label="Delete" disabled={!ready} onClick={() => void deleteObjects()}>
            {t('editorPanel.delete')}
          </button>
        )}
        {editing && (
          <>
            <span className="editor-editing">{t('editorPanel.editing', { target: editing })}</span>
            <button type="button" onClick={stopEditing}>
              {t('editorPanel.cancelEdit')}
            </button>
          </>
        )}
        <span className="editor-hint muted">{t('editorPanel.shortcut')}</span>
      </div>
      {markers.length > 0 && (
        <ul className="editor-problems" aria-label={t('editorPanel.problems')}>
          {markers.map((marker, index) => (
            <li key={index} data-line={marker.startLineNumber} data-column={marker.startColumn}>
              {t('editorPanel.at', { line: marker.startLineNumber, column: marker.startColumn })} {marker.message}
            </li>
          ))}
        </ul>
      )}
      <div className="editor-host">
        {loadEditor ? (
          <Suspense fallback={<p className="editor-loading muted">{t('editorPanel.loading')}</p>}>
            <ManifestEditor
              value={text}
              onChange={setText}
              markers={markers}
              onApplyShortcut={() => void applyEditor()}
            />
          </Suspense>
        ) : (
          <p className="editor-loading muted">{t('editorPanel.loading')}</p>
        )}
      </div>
    </section>
  );
}
