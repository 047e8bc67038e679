import type { CommandContext } from '../command';
import { flagString } from '../command';
import { clientError } from '../errors';

export type DryRunStrategy = 'none' | 'client' | 'server';

/** `cmdutil.GetDryRunStrategy`, including the deprecated boolean forms. */
export function dryRunStrategy(ctx: CommandContext): DryRunStrategy {
  const value = flagString(ctx, 'dry-run', 'none');
  switch (value) {
    case 'unchanged':
      ctx.out.stderr += '--dry-run is deprecated and can be replaced with --dry-run=client.\n';
      return 'client';
    case 'client':
    case 'server':
    case 'none':
      return value;
    case 'true':
    case 'false':
      ctx.out.stderr += `--dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=${value === 'true' ? 'client' : 'none'}.\n`;
      return value === 'true' ? 'client' : 'none';
    default:
      throw clientError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
  }
}

/** The suffix kubectl's printers add to an operation (`created (dry run)`). */
export function dryRunSuffix(strategy: DryRunStrategy): string {
  if (strategy === 'client') return ' (dry run)';
  if (strategy === 'server') return ' (server dry run)';
  return '';
}
