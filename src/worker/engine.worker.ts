/** The Web Worker that hosts the engine, so simulation never blocks the page. */
import { expose } from 'comlink';
import { createEngineApi } from './engineApi';

expose(createEngineApi());
