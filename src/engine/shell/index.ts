/** The POSIX shell interpreter that runs container commands, exec probes, lifecycle hooks and `kubectl exec`. */
export { shellProgram } from './shellProgram';
export { createShellState, type ShellState } from './state';
export { parseShell } from './parseShell';
export type { ParseResult, Script, ShellSyntaxError } from './ast';
