/** `--record`: the `kubernetes.io/change-cause` annotation (`cli-runtime/pkg/genericclioptions/record_flags.go`). */
import type { KubeObject } from '../api/types';
import type { CommandContext } from './command';
import { flagBool } from './command';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/**
 * `factoryImpl.Command`: `kubectl`, every non-flag word as typed (command names too, wherever they stood), then the
 * flags in the order given, by long name.
 */
function changeCause(ctx: CommandContext): string {
  const words = ctx.words.length > 0 ? ` ${ctx.words.join(' ')}` : '';
  const flags = ctx.flags.given.map((f) => ` --${f.name}=${f.value}`).join('');
  return `kubectl${words}${flags}`;
}

/** Sets the change-cause annotation on a copy of the object when `--record` is on. */
export function recordChangeCause(ctx: CommandContext, object: KubeObject): KubeObject {
  if (!flagBool(ctx, 'record')) return object;
  return {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: { ...object.metadata.annotations, [CHANGE_CAUSE_ANNOTATION]: changeCause(ctx) },
    },
  };
}

/**
 * `Recorder.MakeRecordMergePatch`: the merge patch setting the change-cause annotation when `--record` is on and the
 * annotation would change, else undefined.
 */
export function recordMergePatch(ctx: CommandContext, object: KubeObject): Record<string, unknown> | undefined {
  const recorded = recordChangeCause(ctx, object);
  const cause = recorded.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (recorded === object || cause === object.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]) return undefined;
  return { metadata: { annotations: { [CHANGE_CAUSE_ANNOTATION]: cause } } };
}
