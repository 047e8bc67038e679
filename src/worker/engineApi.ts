/** The engine behind the worker protocol; also usable in-process (tests, Node). */
import { runScript, ScriptSyntaxError, Session, type KubectlResult } from '../engine';
import type { EngineApi, EngineInfo, ScriptOutcome } from './protocol';

export function createEngineApi(): EngineApi {
  let session: Session | undefined;
  let seed = 1;
  const current = (): Session => (session ??= Session.create({ seed }));
  const info = (): EngineInfo => {
    const cluster = current().cluster;
    return {
      seed,
      now: cluster.now(),
      nodes: cluster.nodes().map((node) => ({
        name: node.metadata.name,
        ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
        roles: Object.keys(node.metadata.labels ?? {})
          .filter((label) => label.startsWith('node-role.kubernetes.io/'))
          .map((label) => label.slice('node-role.kubernetes.io/'.length)),
      })),
    };
  };
  return {
    init(options) {
      seed = options.seed ?? 1;
      session = Session.create({ seed });
      return info();
    },
    info,
    kubectl(commandLine: string, stdin?: string): KubectlResult {
      return current().kubectl(commandLine, stdin);
    },
    advance(ms) {
      current().advance(ms);
      return current().cluster.now();
    },
    runScript(text, options): ScriptOutcome {
      try {
        return { ok: true, transcript: runScript(text, { seed: options.seed ?? 1 }).transcript };
      } catch (error) {
        if (error instanceof ScriptSyntaxError) return { ok: false, error: error.message, line: error.line };
        throw error;
      }
    },
  };
}
