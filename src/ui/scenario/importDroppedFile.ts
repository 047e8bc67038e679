/**
 * A file the learner dropped on the page or picked: a scenario file opens as a scenario, a session script (`.sh`)
 * becomes one, and any other YAML goes into the editor (their own manifests) of a new workspace, so the text it
 * replaces stays under Recent.
 */
import i18next from 'i18next';
import { usePlayground } from '../../store/playgroundStore';

/** Scenario files can be large, but not this large: bigger is not something the learner meant to drop. */
const MAX_FILE_BYTES = 1_000_000;

export async function importDroppedFile(file: File): Promise<void> {
  const state = usePlayground.getState();
  if (file.size > MAX_FILE_BYTES) {
    usePlayground.setState({
      scenarioMessage: { tone: 'error', text: i18next.t('app:scenario.tooLarge', { name: file.name }) },
    });
    return;
  }
  const text = await file.text();
  if (file.name.endsWith('.sh')) return state.importScript(text, file.name);
  if (/^apiVersion:\s*kubeplay\//m.test(text) || /#?s\d+\.[A-Za-z0-9_-]{8,}\s*$/.test(text.trim()))
    return state.importScenario(text, file.name);
  if (!/\.(ya?ml|json)$/i.test(file.name)) {
    usePlayground.setState({
      scenarioMessage: { tone: 'error', text: i18next.t('app:scenario.notYaml', { name: file.name }) },
    });
    return;
  }
  await state.openScenario({ ...state.currentScenario(), editor: text }, { kind: 'file', name: file.name });
  usePlayground.setState({
    scenarioMessage: { tone: 'info', text: i18next.t('app:scenario.intoEditor', { name: file.name }) },
  });
}
