/** The one typed protocol between the page and the engine worker (both sides import it). */
import type { KubectlResult } from '../engine';

export interface EngineInfo {
  seed: number;
  /** Virtual time, ms since the Unix epoch. */
  now: number;
  nodes: { name: string; ready: boolean; roles: string[] }[];
}

export interface EngineApi {
  /** Starts a fresh cluster. */
  init(options: { seed?: number }): EngineInfo;
  info(): EngineInfo;
  kubectl(commandLine: string, stdin?: string): KubectlResult;
  /** Lets virtual time pass; returns the new time. */
  advance(ms: number): number;
}
