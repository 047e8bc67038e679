/**
 * The engine's only source of randomness: a seeded PRNG (sfc32) whose whole state is four 32-bit integers, so it
 * is snapshotted with the rest of the engine and replays identically in Node and in browsers.
 */
export type RandomState = [number, number, number, number];

/** Derives a well-mixed initial state from a numeric seed (splitmix32). */
export function seedRandom(seed: number): RandomState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RandomState = [next(), next(), next(), next()];
  // Discard the first outputs: sfc32 is weak right after seeding.
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances the state in place and returns a uniform 32-bit unsigned integer. */
export function nextUint32(state: RandomState): number {
  let [a, b, c, d] = state;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return t >>> 0;
}

/** Uniform float in [0, 1). */
export function nextFloat(state: RandomState): number {
  return nextUint32(state) / 4294967296;
}

/** Uniform integer in [0, n). */
export function nextInt(state: RandomState, n: number): number {
  return Math.floor(nextFloat(state) * n);
}

/** `length` characters drawn uniformly from `alphabet`. */
export function nextString(state: RandomState, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[nextInt(state, alphabet.length)];
  return out;
}

/** A random (version 4) UUID, as the apiserver assigns to metadata.uid. */
export function nextUuid(state: RandomState): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  const a = hex(nextUint32(state));
  const b = hex(nextUint32(state));
  const c = hex(nextUint32(state));
  const d = hex(nextUint32(state));
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
