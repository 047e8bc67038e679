/**
 * The YAML editor's text (kept across reloads in the workspace, see scenarioSlice), what `kubectl edit` opened in
 * it, and the last apply's errors.
 */
import { heredocFor } from './terminalInput';
import type { Slice } from './slice';

export interface ApplyReport {
  /** The text that was applied, so errors point into it even after the learner types on. */
  text: string;
  stderr: string;
}

export interface EditorSlice {
  editorText: string;
  /** `kubectl edit`'s target (`deploy web`): Apply replaces that object instead of applying. */
  editing?: string;
  /** The learner's own text while `kubectl edit` borrows the editor. */
  ownText?: string;
  lastApply?: ApplyReport;
  setEditorText(text: string): void;
  /** The learner's own text, also while `kubectl edit` borrows the editor: what a workspace saves. */
  ownEditorText(): string;
  openForEdit(yaml: string, target: string): void;
  stopEditing(): void;
  /** `kubectl apply -f -` (or `replace` while editing) of the editor's text, shown in the terminal. */
  applyEditor(): Promise<void>;
  /** `kubectl delete -f -` of the editor's text. */
  deleteEditorObjects(): Promise<void>;
}

export const STARTER_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

export const createEditorSlice: Slice<EditorSlice> = (set, get) => {
  const runFromEditor = async (command: string) => {
    const text = get().editorText;
    const script = heredocFor(command, text);
    const outcome = await get().runScript(script);
    get().echoRun(`${command}  # ${get().editing ? 'kubectl edit' : 'editor'}`, outcome);
    const stderr = outcome.ok ? outcome.results.map((result) => result.stderr).join('') : outcome.error;
    set({ lastApply: { text, stderr } });
    return outcome.ok && outcome.results.every((result) => result.exitCode === 0);
  };
  return {
    editorText: '',
    setEditorText: (editorText) => set({ editorText }),
    // An object opened by `kubectl edit` is not the learner's own text, which stays as it was.
    ownEditorText: () => (get().editing ? (get().ownText ?? '') : get().editorText),
    openForEdit(yaml, target) {
      const ownText = get().editing ? get().ownText : get().editorText;
      set({ editorText: yaml, editing: target, ownText, lastApply: undefined });
    },
    stopEditing() {
      set({ editing: undefined, editorText: get().ownText ?? get().editorText, ownText: undefined });
    },
    async applyEditor() {
      const editing = get().editing;
      const ok = await runFromEditor(editing ? 'kubectl replace -f -' : 'kubectl apply -f -');
      if (ok && editing) get().stopEditing();
    },
    async deleteEditorObjects() {
      await runFromEditor('kubectl delete -f -');
    },
  };
};
