/**
 * The page's state: a mirror of the engine (frames from the worker), the selection, the terminal, the editor and
 * the scenario with its workspaces, one zustand store made of slices. Actions talk to the engine through the worker protocol only.
 */
import { create } from 'zustand';
import { createEngineSlice, type EngineSlice } from './engineSlice';
import { createEditorSlice, type EditorSlice } from './editorSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createTerminalSlice, type TerminalSlice } from './terminalSlice';

export type PlaygroundState = EngineSlice & SelectionSlice & TerminalSlice & EditorSlice & ScenarioSlice;

/** A store of its own (tests make one each); the page has one, `usePlayground`. */
export const createPlaygroundStore = () =>
  create<PlaygroundState>()((...args) => ({
    ...createEngineSlice(...args),
    ...createSelectionSlice(...args),
    ...createTerminalSlice(...args),
    ...createEditorSlice(...args),
    ...createScenarioSlice(...args),
  }));

export const usePlayground = createPlaygroundStore();
