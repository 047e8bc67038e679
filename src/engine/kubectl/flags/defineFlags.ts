/** A compact notation for a command's own flags, so command tables read like kubectl's flag lists. */
import type { FlagDef, FlagType } from './parseFlags';

const TYPES: readonly FlagType[] = ['bool', 'string', 'int', 'stringArray', 'stringSlice', 'duration'];

/**
 * Flag definitions from space-separated `name[,shorthand]:type` specs, e.g. `defineFlags('stdin,i:bool tty,t:bool
 * port:string')`. Throws on a malformed spec (a programming error in a command table).
 */
export function defineFlags(spec: string): FlagDef[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((word) => {
      const [names = '', type = ''] = word.split(':');
      const [name = '', shorthand] = names.split(',');
      if (name === '' || !TYPES.includes(type as FlagType)) throw new Error(`bad flag spec "${word}"`);
      const def: FlagDef = { name, type: type as FlagType };
      if (shorthand) def.shorthand = shorthand;
      return def;
    });
}
