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
  /** Runs a `kubeplay script` against a fresh cluster of its own, as the CLI does; the page's cluster is untouched. */
  runScript(text: string, options: { seed?: number }): ScriptOutcome;
}

export type ScriptOutcome = { ok: true; transcript: string } | { ok: false; error: string; line: number };
