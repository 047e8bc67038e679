/**
 * What in a page address (or pasted text) names a scenario: a share link's fragment `#s1.…`, or `#example=ID`.
 * Kept apart from the link codec, so the page can recognise an address without loading the codec.
 */
const LINK_FRAGMENT = /^#?s\d+\./;
const LINK_AT_END = /(?:^|#)(s\d+\.[A-Za-z0-9_-]*)\s*$/;
const EXAMPLE = /^#example=([A-Za-z0-9-]+)$/;

/** Whether a fragment is a share link (it may still be broken: decode it to know). */
export function isScenarioLink(fragment: string): boolean {
  return LINK_FRAGMENT.test(fragment);
}

/** The share link's fragment (without `#`) a whole URL or bare fragment ends with, if any. */
export function linkFragmentIn(text: string): string | undefined {
  return LINK_AT_END.exec(text.trim())?.[1];
}

/** The gallery example an address names (`#example=S002-liveness-exec`), if any. */
export function exampleIdIn(hash: string): string | undefined {
  return EXAMPLE.exec(hash)?.[1];
}

/** Whether the page's address asks to open something. */
export function isScenarioAddress(hash: string): boolean {
  return isScenarioLink(hash) || exampleIdIn(hash) !== undefined;
}
