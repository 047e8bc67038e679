import type { StateCreator } from 'zustand';
import type { PlaygroundState } from './playgroundStore';

/** A slice of the playground store that may read and call the others. */
export type Slice<T> = StateCreator<PlaygroundState, [], [], T>;
