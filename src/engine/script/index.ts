export { runScript, ScriptSyntaxError, type ScriptRun, type ScriptStepResult } from './runScript';
export { parseScript, parseSleepDuration, type ScriptStep } from './parseScript';
export { splitScript, type ScriptChunk } from './splitScript';
