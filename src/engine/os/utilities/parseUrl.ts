/** An http(s) URL as wget and curl split it. */
export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path plus query, at least `/`. */
  path: string;
  /** What the Host header carries: the host, with `:port` when it is not the scheme's default. */
  hostHeader: string;
}

/** Parses `[scheme://]host[:port][/path]`; a missing scheme means http. Undefined for other schemes or bad ports. */
export function parseUrl(text: string): ParsedUrl | undefined {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([^#]*)/.exec(text);
  if (!match) return undefined;
  const scheme = (match[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  const host = match[2] ?? '';
  if (host === '') return undefined;
  const defaultPort = scheme === 'https' ? 443 : 80;
  const port = match[3] ? Number(match[3]) : defaultPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const rest = match[4] ?? '';
  const path = rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}`;
  return { scheme, host, port, path, hostHeader: port === defaultPort ? host : `${host}:${port}` };
}

/** Resolves a redirect's Location against the URL that answered it. */
export function resolveLocation(base: ParsedUrl, location: string): ParsedUrl | undefined {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return parseUrl(location);
  if (location.startsWith('//')) return parseUrl(`${base.scheme}:${location}`);
  const directory = base.path.split('?')[0]?.replace(/[^/]*$/, '') ?? '/';
  const path = location.startsWith('/') ? location : `${directory}${location}`;
  return { ...base, path };
}

/** The URL back as text (for curl's %{url_effective}). */
export function formatUrl(url: ParsedUrl): string {
  return `${url.scheme}://${url.hostHeader}${url.path}`;
}

/** A response header by name, ignoring case as HTTP does. */
export function findHeader(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}
