/**
 * Share links: a scenario's YAML, raw-deflated with a preset dictionary, in base64url, behind a version prefix —
 * `#s1.<data>`. Everything lives in the link; nothing is stored anywhere else.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { LINK_DICTIONARY_V1 } from './linkDictionary';
import { formatScenario, parseScenario, type ScenarioResult } from './scenarioFile';
import type { Scenario } from './scenario';

/** The link format this build writes; the number after `s`. */
export const LINK_VERSION = 1;
/** Longer links are refused before any decoding: no browser keeps one this long in its address bar anyway. */
export const MAX_LINK_CHARS = 64_000;
/** A link expands to at most this much text, so a crafted link cannot make the page inflate a bomb. */
export const MAX_SCENARIO_BYTES = 1_000_000;

const DICTIONARIES: Record<number, Uint8Array> = { 1: strToU8(LINK_DICTIONARY_V1) };
const LINK = /^#?s(\d+)\.(.*)$/s;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The fragment (without `#`) that opens `scenario`. */
export function encodeScenarioLink(scenario: Scenario): string {
  const text = strToU8(formatScenario(scenario));
  const packed = deflateSync(text, { level: 9, mem: 12, dictionary: DICTIONARIES[LINK_VERSION] });
  return `s${LINK_VERSION}.${toBase64Url(packed)}`;
}

/** The scenario in a link's fragment (with or without `#`), or why it cannot be opened. */
export function decodeScenarioLink(fragment: string): ScenarioResult {
  if (fragment.length > MAX_LINK_CHARS)
    return {
      ok: false,
      problem: 'too-long',
      error: `the link is too long (${fragment.length} characters; at most ${MAX_LINK_CHARS})`,
    };
  const match = LINK.exec(fragment.trim());
  if (!match) return { ok: false, problem: 'not-a-link', error: 'this is not a Kube Playground scenario link' };
  const version = Number(match[1]);
  const dictionary = DICTIONARIES[version];
  if (!dictionary)
    return version > LINK_VERSION
      ? {
          ok: false,
          problem: 'newer',
          version,
          error: `the link was made by a newer Kube Playground (link format ${version}; this page reads up to ${LINK_VERSION})`,
        }
      : { ok: false, problem: 'unknown-format', version, error: `unknown link format ${version}` };
  const packed = fromBase64Url(match[2]!);
  if (!packed)
    return { ok: false, problem: 'damaged', error: 'the link is damaged: it holds characters a link never contains' };
  let text: string;
  try {
    // One byte more than allowed tells an oversized scenario from one that fits exactly.
    const out = new Uint8Array(MAX_SCENARIO_BYTES + 1);
    const inflated = inflateSync(packed, { dictionary, out });
    if (inflated.length > MAX_SCENARIO_BYTES)
      return {
        ok: false,
        problem: 'too-large',
        error: `the scenario in the link is too large (more than ${MAX_SCENARIO_BYTES} bytes)`,
      };
    text = strFromU8(inflated);
  } catch {
    return {
      ok: false,
      problem: 'cut-short',
      error: 'the link is damaged or cut short: it does not decompress (was it copied whole?)',
    };
  }
  const parsed = parseScenario(text);
  return parsed.ok ? parsed : { ...parsed, error: `the link's scenario is not valid: ${parsed.error}` };
}

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (/[^A-Za-z0-9_-]/.test(text)) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of text) {
    value = ((value << 6) | BASE64URL.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (value >> bits) & 0xff;
    }
  }
  return bytes;
}
