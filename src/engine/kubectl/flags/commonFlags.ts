/** Flag definitions shared by several commands, named as kubectl names them. */
import type { FlagDef } from './parseFlags';

/** kubectl's global (persistent) flags; only `--namespace` has an effect here. */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', shorthand: 's', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', shorthand: 'v', type: 'int' },
  { name: 'help', shorthand: 'h', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
];

export const OUTPUT_FLAG: FlagDef = { name: 'output', shorthand: 'o', type: 'string' };
export const SELECTOR_FLAG: FlagDef = { name: 'selector', shorthand: 'l', type: 'string' };
export const FIELD_SELECTOR_FLAG: FlagDef = { name: 'field-selector', type: 'string' };
export const ALL_NAMESPACES_FLAG: FlagDef = { name: 'all-namespaces', shorthand: 'A', type: 'bool' };
export const FILENAME_FLAG: FlagDef = { name: 'filename', shorthand: 'f', type: 'stringSlice' };
export const RECURSIVE_FLAG: FlagDef = { name: 'recursive', shorthand: 'R', type: 'bool' };
export const DRY_RUN_FLAG: FlagDef = { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' };
export const RECORD_FLAG: FlagDef = {
  name: 'record',
  type: 'bool',
  deprecated: '--record will be removed in the future',
};
export const ALL_FLAG: FlagDef = { name: 'all', type: 'bool' };
export const OVERWRITE_FLAG: FlagDef = { name: 'overwrite', type: 'bool' };
export const CONTAINER_FLAG: FlagDef = { name: 'container', shorthand: 'c', type: 'string' };
export const TIMEOUT_FLAG: FlagDef = { name: 'timeout', type: 'duration' };
export const FIELD_MANAGER_FLAG: FlagDef = { name: 'field-manager', type: 'string' };
export const VALIDATE_FLAG: FlagDef = { name: 'validate', type: 'string', noOptDefault: 'strict' };
export const SHOW_MANAGED_FIELDS_FLAG: FlagDef = { name: 'show-managed-fields', type: 'bool' };
export const TEMPLATE_FLAG: FlagDef = { name: 'template', type: 'string' };
export const ALLOW_MISSING_TEMPLATE_KEYS_FLAG: FlagDef = { name: 'allow-missing-template-keys', type: 'bool' };
