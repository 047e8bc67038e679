/** Short usage texts for `-h/--help` (a condensed form of kubectl's help templates). */
import type { CommandDef } from './command';
import { renderTable } from './printers/printObjects';

/** `kubectl <command> --help`: description, usage and subcommands. */
export function helpText(command: CommandDef, commandPath: string): string {
  let text = `${command.short}.\n`;
  if (command.subcommands) {
    text += '\nAvailable Commands:\n';
    text += renderTable(command.subcommands.map((c) => [`  ${c.name}`, c.short]));
  }
  text += `\nUsage:\n  ${command.use}\n\n`;
  text += `Use "${commandPath} --help" for more information about a given command.\n`;
  text += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return text;
}

/** `kubectl` without a command. */
export function rootHelp(commands: readonly CommandDef[]): string {
  return (
    'kubectl controls the Kubernetes cluster manager.\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    'Commands:\n' +
    renderTable(commands.map((c) => [`  ${c.name}`, c.short])) +
    '\nUsage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n' +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n'
  );
}
