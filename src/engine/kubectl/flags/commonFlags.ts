/** Flag definitions shared by several commands, named as kubectl names them. */
import { defineFlags } from './defineFlags';
import type { FlagDef } from './parseFlags';

/** kubectl's global (persistent) flags; only `--namespace` has an effect here. */
export const GLOBAL_FLAGS: readonly FlagDef[] = defineFlags(
  'namespace,n:string context:string cluster:string user:string kubeconfig:string server,s:string ' +
    'request-timeout:string v,v:int help,h:bool warnings-as-errors:bool match-server-version:bool ' +
    'insecure-skip-tls-verify:bool',
);

export const OUTPUT_FLAG: FlagDef = { name: 'output', shorthand: 'o', type: 'string' };
export const SELECTOR_FLAG: FlagDef = { name: 'selector', shorthand: 'l', type: 'string' };
export const FIELD_SELECTOR_FLAG: FlagDef = { name: 'field-selector', type: 'string' };
export const ALL_NAMESPACES_FLAG: FlagDef = { name: 'all-namespaces', shorthand: 'A', type: 'bool' };
export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' };
export const RECORD_FLAG: FlagDef = {
  name: 'record',
  type: 'bool',
  deprecated: '--record will be removed in the future',
};
export const CONTAINER_FLAG: FlagDef = { name: 'container', shorthand: 'c', type: 'string' };

/** `-f`/`-R` (`cmdutil.AddFilenameOptionFlags`). */
export const FILENAME_FLAGS: readonly FlagDef[] = defineFlags('filename,f:stringSlice recursive,R:bool');
/** `-l`, `--field-selector`, `--all`, `-A`: how commands that act on many objects select them. */
export const SELECTION_FLAGS: readonly FlagDef[] = [
  SELECTOR_FLAG,
  FIELD_SELECTOR_FLAG,
  ALL_NAMESPACES_FLAG,
  ...defineFlags('all:bool'),
];
/** The printing flags of `get` (`PrintFlags` with templates and `--show-managed-fields`). */
export const PRINT_FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  ...defineFlags('template:string allow-missing-template-keys:bool show-managed-fields:bool'),
];
/** The flags of commands that send objects: dry runs, field manager, validation. */
export const MUTATION_FLAGS: readonly FlagDef[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  ...defineFlags('field-manager:string'),
  { name: 'validate', type: 'string', noOptDefault: 'strict' },
];
