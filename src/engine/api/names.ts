/** Generated names (apiserver/pkg/storage/names/generate.go and apimachinery/pkg/util/rand). */
import { nextString, type RandomState } from '../runtime/random';

/** util/rand's alphabet: no vowels (no words) and no 0/1/3 (look like letters). */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;

/** SimpleNameGenerator.GenerateName: the base cut to 58 characters plus 5 random ones. */
export function generateName(random: RandomState, base: string): string {
  const prefix = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return prefix + nextString(random, NAME_SUFFIX_ALPHABET, RANDOM_LENGTH);
}
