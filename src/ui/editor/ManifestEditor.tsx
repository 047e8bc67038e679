/**
 * The YAML editor of the playground: Monaco with Kubernetes completion, hover docs and schema checks, plus the
 * markers of the last `kubectl apply`. The default export, so the page can load it with `React.lazy`.
 */
import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorMarker } from './locateApplyErrors';
import { monaco } from './monacoSetup';

export interface ManifestEditorProps {
  value: string;
  onChange(text: string): void;
  /** Problems from the last apply, drawn under the text (owner `kubectl`, apart from monaco-yaml's own). */
  markers: EditorMarker[];
  /** Ctrl/Cmd+Enter. */
  onApplyShortcut?(): void;
  /** The editor's accessible name; default: the translated "YAML editor". */
  ariaLabel?: string;
}

type CodeEditor = Parameters<OnMount>[0];

const MARKER_OWNER = 'kubectl';

export default function ManifestEditor({ value, onChange, markers, onApplyShortcut, ariaLabel }: ManifestEditorProps) {
  const { t } = useTranslation('editor');
  const [editor, setEditor] = useState<CodeEditor | null>(null);
  // The shortcut is bound once at mount; it calls whatever handler the latest render gave.
  const applyShortcut = useRef(onApplyShortcut);
  useEffect(() => {
    applyShortcut.current = onApplyShortcut;
  }, [onApplyShortcut]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      markers.map((m) => ({
        ...m,
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      })),
    );
  }, [editor, markers]);

  const label = ariaLabel ?? t('ariaLabel');
  // A new options object makes the wrapper call updateOptions: only when the label (the language) changes.
  const options = useMemo(
    () => ({
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      wordBasedSuggestions: 'off' as const,
      quickSuggestions: { other: true, comments: false, strings: true },
      // Hovers and suggestions may reach past the panel's edges.
      fixedOverflowWidgets: true,
    }),
    [label],
  );

  const handleMount: OnMount = (mounted) => {
    mounted.addAction({
      id: 'kube-playground.apply',
      label: t('apply'),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => applyShortcut.current?.(),
    });
    setEditor(mounted);
  };

  return (
    <div className="manifest-editor" style={{ height: '100%' }} data-editor-ready={editor ? 'true' : undefined}>
      <Editor
        language="yaml"
        theme="light"
        value={value}
        onChange={(text) => onChange(text ?? '')}
        onMount={handleMount}
        loading={t('loading')}
        options={options}
      />
    </div>
  );
}
