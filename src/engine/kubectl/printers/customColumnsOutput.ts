import { clientError } from '../errors';
import { parseCustomColumnsSpec, printCustomColumns as renderCustomColumns } from '../format/customColumns';

/** `-o custom-columns=HEADER:path,...`; errors end the command as kubectl's do. */
export function printCustomColumns(spec: string, objects: readonly unknown[], noHeaders: boolean): string {
  const parsed = parseCustomColumnsSpec(spec);
  if (!parsed.ok) throw clientError(parsed.error);
  const printed = renderCustomColumns(parsed.columns, objects, { noHeaders });
  if (printed.error !== undefined) throw clientError(printed.error);
  return printed.output;
}
