/**
 * How commands that change objects print each one (`PrintFlags` with an operation): `pod/web created`, `pod/web`
 * with `-o name`, or the object itself in the `-o` format — one PrintObj call per object, so several YAML documents
 * are separated by `---` rather than wrapped in a List (`cli-runtime/pkg/printers/yaml.go`).
 */
import type { CommandContext } from '../command';
import { flagString } from '../command';
import { kindAndName, type ResourceInfo } from '../resourceArgs';
import { printObjects } from './printObjects';

/** Prints one object a command created, changed or found, with the operation kubectl names (`configured`). */
export function reportObject(ctx: CommandContext, info: ResourceInfo, operation: string): void {
  const output = flagString(ctx, 'output');
  const name = kindAndName(info.resource, info.object.metadata.name ?? '');
  if (output === '') {
    ctx.out.stdout += `${name} ${operation}\n`;
    return;
  }
  if (output === 'name') {
    ctx.out.stdout += `${name}\n`;
    return;
  }
  if (output === 'yaml' && ctx.out.objectsPrinted > 0) ctx.out.stdout += '---\n';
  ctx.out.stdout += printObjects([info], { output, singleItem: true, nowMs: ctx.api.now() });
  ctx.out.objectsPrinted++;
}

/** Prints the warnings the API server sent with a response (`Warning: ...` on stderr, `rest.WarningHandler`). */
export function printApiWarnings(ctx: CommandContext, warnings: readonly string[] | undefined): void {
  for (const warning of warnings ?? []) ctx.out.stderr += `Warning: ${warning}\n`;
}
