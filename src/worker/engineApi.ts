/** The engine behind the worker protocol; also usable in-process (tests, Node). */
import { runScript, ScriptSyntaxError } from '../engine';
import { EngineHost, type HostTimers } from './engineHost';
import type { EngineApi } from './protocol';

const realTimers: HostTimers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createEngineApi(timers: HostTimers = realTimers): EngineApi {
  const host = new EngineHost(timers);
  return {
    open: (scenario) => host.open(scenario),
    subscribe: (listener) => host.subscribe(listener),
    play: () => host.play(),
    pause: () => host.pause(),
    setSpeed: (speed) => host.setSpeed(speed),
    step: () => host.step(),
    seek: (time) => host.seek(time),
    run: (script) => host.run(script),
    inspect: (commandLine) => host.inspect(commandLine),
    complete: (line) => host.complete(line),
    startWatch: (commandLine) => host.startWatch(commandLine),
    readWatch: (watch) => host.readWatch(watch),
    stopWatch: (watch) => host.stopWatch(watch),
    exportScenario: (scenario, format) => host.exportScenario(scenario, format),
    readScenario: (text) => host.readScenario(text),
    scenarioFromScript: (script, base) => host.scenarioFromScript(script, base),
    runScript(text, options) {
      try {
        return { ok: true, transcript: runScript(text, { seed: options.seed ?? 1 }).transcript };
      } catch (error) {
        if (error instanceof ScriptSyntaxError) return { ok: false, error: error.message, line: error.line };
        throw error;
      }
    },
  };
}
