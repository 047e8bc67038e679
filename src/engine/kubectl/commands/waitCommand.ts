/** `kubectl wait` (`KC:pkg/cmd/wait/wait.go`, `condition.go`, `delete.go`, `json.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagString } from '../command';
import { clientError } from '../errors';
import { FILENAME_FLAGS, OUTPUT_FLAG, SELECTION_FLAGS } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { parseGoDuration } from '../flags/parseFlags';
import { executeJsonPath, parseJsonPath } from '../format/jsonpath';
import { fetchTargets, ignoreNotFound } from '../targets';
import { kindAndName, namespaceFor } from '../resourceArgs';

const DEFAULT_TIMEOUT_MS = 30_000;
const WEEK_MS = 168 * 3600 * 1000;

type Check = (live: KubeObject | undefined) => boolean;

interface Condition {
  type: string;
  status: string;
  observedGeneration?: number;
}

/** `conditionFuncFor`: what `--for` waits for. */
function checkFor(forFlag: string): { check: Check; deletion: boolean } {
  const lower = forFlag.toLowerCase();
  if (lower === 'delete') return { check: (live) => live === undefined, deletion: true };
  if (lower === 'create') return { check: (live) => live !== undefined, deletion: false };
  if (forFlag.startsWith('condition=')) {
    const spec = forFlag.slice('condition='.length);
    const eq = spec.indexOf('=');
    const type = eq < 0 ? spec : spec.slice(0, eq);
    const want = eq < 0 ? 'true' : spec.slice(eq + 1);
    return {
      check: (live) => {
        const status = live?.status as { conditions?: Condition[]; observedGeneration?: number } | undefined;
        const found = (status?.conditions ?? []).find((c) => c.type.toLowerCase() === type.toLowerCase());
        if (found === undefined) return false;
        // A condition about an older generation of the object does not count yet.
        const observed = found.observedGeneration ?? status?.observedGeneration;
        const generation = live?.metadata.generation;
        if (generation !== undefined && observed !== undefined && observed < generation) return false;
        return found.status.toLowerCase() === want.toLowerCase();
      },
      deletion: false,
    };
  }
  if (forFlag.startsWith('jsonpath=')) {
    const spec = forFlag.slice('jsonpath='.length);
    // The value follows the last `=` outside the braces of the expression.
    const close = spec.lastIndexOf('}');
    const eq = spec.indexOf('=', close < 0 ? 0 : close);
    const expression = eq < 0 ? spec : spec.slice(0, eq);
    const want = eq < 0 ? undefined : spec.slice(eq + 1);
    const parsed = parseJsonPath(expression.startsWith('{') ? expression : `{${expression}}`);
    if (!parsed.ok) throw clientError(`unrecognized condition: "${forFlag}"`);
    return {
      check: (live) => {
        if (!live) return false;
        const result = executeJsonPath(parsed.program, live, { allowMissingKeys: false });
        if (!result.ok) return false;
        return want === undefined ? result.output !== '' : result.output === want;
      },
      deletion: false,
    };
  }
  throw clientError(`unrecognized condition: "${forFlag}"`);
}

function runWait(ctx: CommandContext): void {
  const forFlag = flagString(ctx, 'for');
  const { check, deletion } = checkFor(forFlag);
  // `--for=create` waits for objects that may not exist yet: they are not fetched first.
  const creation = forFlag.toLowerCase() === 'create';
  const timeoutFlag = flagString(ctx, 'timeout');
  let timeout = timeoutFlag ? (parseGoDuration(timeoutFlag) ?? DEFAULT_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  if (timeout < 0) timeout = WEEK_MS;
  const { infos, named } = fetchTargets(ctx, { verb: 'wait', requireSelection: true, requireObject: !creation });
  // A deleted object is what --for=delete waits for.
  if (deletion) ignoreNotFound(ctx);
  if (ctx.out.errors.length > 0) return;
  if (infos.length === 0) {
    if (deletion && named) return;
    throw clientError('no matching resources found');
  }
  const start = ctx.api.now();
  for (const info of infos) {
    const name = info.object.metadata.name ?? '';
    const current = () => {
      const got = ctx.api.get(
        info.resource,
        namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace),
        name,
      );
      const uid = info.object.metadata.uid;
      return got.ok && (uid === undefined || got.value.metadata.uid === uid) ? got.value : undefined;
    };
    // `Mapping.Resource.Resource`: the plural without its group (`deployments/web`).
    const objectName = `${info.resource.plural}/${name}`;
    if (timeout === 0 && !check(current())) throw clientError(`condition not met for ${objectName}`);
    const remaining = Math.max(0, timeout - (ctx.api.now() - start));
    if (!check(current()) && !ctx.host.waitUntil(() => check(current()), remaining)) {
      throw clientError(`timed out waiting for the condition on ${objectName}`);
    }
    ctx.out.stdout += `${kindAndName(info.resource, name)} condition met\n`;
  }
}

export const waitCommand: CommandDef = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  use: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [...SELECTION_FLAGS, ...FILENAME_FLAGS, OUTPUT_FLAG, ...defineFlags('for:string timeout:duration local:bool')],
  run: runWait,
};
