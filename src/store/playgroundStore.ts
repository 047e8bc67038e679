/**
 * The page's state: a mirror of the engine (frames from the worker), the selection, the terminal and the editor,
 * one zustand store made of slices. Actions talk to the engine through the worker protocol only.
 */
import { create } from 'zustand';
import { createEngineSlice, type EngineSlice } from './engineSlice';
import { createEditorSlice, type EditorSlice } from './editorSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTerminalSlice, type TerminalSlice } from './terminalSlice';

export type PlaygroundState = EngineSlice & SelectionSlice & TerminalSlice & EditorSlice;

export const usePlayground = create<PlaygroundState>()((...args) => ({
  ...createEngineSlice(...args),
  ...createSelectionSlice(...args),
  ...createTerminalSlice(...args),
  ...createEditorSlice(...args),
}));
