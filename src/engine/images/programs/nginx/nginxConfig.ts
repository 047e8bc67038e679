/**
 * A small reader of nginx configuration: the token grammar of ngx_conf_file.c (words, quotes, `;`, `{`, `}`, `#`
 * comments, `include` with a `*` glob) and the directives a static or proxying site uses. The result is plain JSON
 * kept in the master's state and re-read on SIGHUP.
 */
import type { FileSystemView } from '../../../os/types';
import { readText } from '../programKit';

export interface NginxLocation {
  /** `=` exact, `^~` prefix that stops regex search, `~`/`~*` regex, `` plain prefix. */
  modifier: '' | '=' | '^~' | '~' | '~*';
  path: string;
  root: string;
  alias?: string;
  index: string[];
  tryFiles?: string[];
  returnCode?: number;
  returnText?: string;
  proxyPass?: string;
  /** `file:line` of `proxy_pass`, for the start-up check that its host resolves. */
  proxyPassSource?: string;
  errorPages: Record<string, string>;
  defaultType: string;
  accessLog: boolean;
  autoindex: boolean;
}

export interface NginxListen {
  port: number;
  /** The address as nginx prints it in bind errors: `0.0.0.0:80`, `[::]:80`. */
  address: string;
}

export interface NginxServer {
  listens: NginxListen[];
  serverName: string;
  /** Server-level `return` runs before locations are matched. */
  returnCode?: number;
  returnText?: string;
  locations: NginxLocation[];
  /** Settings of a request no location matches. */
  fallback: NginxLocation;
}

export interface NginxConfig {
  /** `auto` or a count. */
  workerProcesses: number | 'auto';
  errorLogLevel: string;
  pidFile: string;
  servers: NginxServer[];
  mimeTypes: Record<string, string>;
}

/** A parse failure, with nginx's wording and position (`unexpected "}" in /etc/nginx/conf.d/default.conf:12`). */
export interface NginxConfigError {
  message: string;
}

interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
  file: string;
  line: number;
}

const CONF_PREFIX = '/etc/nginx';
const BLOCK_DIRECTIVES = new Set([
  'http',
  'server',
  'location',
  'events',
  'types',
  'upstream',
  'stream',
  'map',
  'if',
  'limit_except',
]);

/** Reads the main configuration (and what it includes), plus `-g` directives. */
export function loadNginxConfig(
  fs: FileSystemView,
  mainFile: string,
  globalDirectives = '',
): NginxConfig | NginxConfigError {
  const main = readDirectives(fs, mainFile);
  if ('message' in main) return main;
  const extra = globalDirectives === '' ? [] : parseDirectives(fs, globalDirectives, 'command line');
  if ('message' in extra) return extra;
  const config = buildConfig([...main, ...extra]);
  return 'message' in config ? config : intern(config);
}

/**
 * Loaded configurations by content. Every replica of a Deployment loads the same configuration: its masters then
 * share one object (configurations are never changed once built), which keeps the request path's reads in cache.
 */
const LOADED = new Map<string, NginxConfig>();

function intern(config: NginxConfig): NginxConfig {
  const key = JSON.stringify(config);
  const known = LOADED.get(key);
  if (known) return known;
  LOADED.set(key, config);
  return config;
}

function readDirectives(
  fs: FileSystemView,
  path: string,
  includedFrom?: { file: string; line: number },
): Directive[] | NginxConfigError {
  const text = readText(fs, path);
  if (text === undefined) {
    const where = includedFrom ? ` in ${includedFrom.file}:${includedFrom.line}` : '';
    const reason = fs.stat(path) === 'EACCES' ? '13: Permission denied' : '2: No such file or directory';
    return { message: `open() "${path}" failed (${reason})${where}` };
  }
  return parseDirectives(fs, text, path);
}

// ngx_conf_read_token: inside quotes \" \' \\ \t \r \n are unescaped; other backslashes stay.
const QUOTED_ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', t: '\t', r: '\r', n: '\n' };

type Token = { kind: 'word'; text: string; line: number } | { kind: ';' | '{' | '}'; line: number };

/** JavaScript's `\s`: the separators nginx's tokenizer sees (space, tab, line breaks and Unicode spaces). */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const NEWLINE = 10;
const HASH = 35;
const SEMICOLON = 59;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === NEWLINE) line++;
    if (isSpace(code)) {
      index++;
    } else if (code === HASH) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (code === SEMICOLON || code === OPEN_BRACE || code === CLOSE_BRACE) {
      tokens.push({ kind: code === SEMICOLON ? ';' : code === OPEN_BRACE ? '{' : '}', line });
      index++;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const quote = text[index];
      const start = line;
      let value = '';
      index++;
      while (index < text.length && text[index] !== quote) {
        let next = text[index] ?? '';
        if (next === '\n') line++;
        if (next === '\\' && index + 1 < text.length) {
          index++;
          next = QUOTED_ESCAPES[text[index] ?? ''] ?? `\\${text[index]}`;
        }
        value += next;
        index++;
      }
      index++;
      tokens.push({ kind: 'word', text: value, line: start });
    } else {
      const start = index;
      while (index < text.length) {
        const next = text.charCodeAt(index);
        if (isSpace(next) || next === SEMICOLON || next === OPEN_BRACE || next === CLOSE_BRACE) break;
        index++;
      }
      tokens.push({ kind: 'word', text: text.slice(start, index), line });
    }
  }
  return tokens;
}

function parseDirectives(fs: FileSystemView, text: string, file: string): Directive[] | NginxConfigError {
  const tokens = tokenize(text);
  const lastLine = text.split('\n').length;
  const stack: Directive[][] = [[]];
  let args: string[] = [];
  let argsLine = 0;
  const fail = (message: string, line: number): NginxConfigError => ({ message: `${message} in ${file}:${line}` });
  for (const token of tokens) {
    const current = stack[stack.length - 1] ?? [];
    if (token.kind === 'word') {
      if (args.length === 0) argsLine = token.line;
      args.push(token.text);
      continue;
    }
    if (token.kind === '}') {
      if (args.length > 0 || stack.length === 1) return fail('unexpected "}"', token.line);
      stack.pop();
      continue;
    }
    const [name, ...rest] = args;
    if (name === undefined) return fail(`unexpected "${token.kind}"`, token.line);
    args = [];
    if (token.kind === '{') {
      if (!BLOCK_DIRECTIVES.has(name)) return fail(`directive "${name}" is not terminated by ";"`, token.line);
      const block: Directive[] = [];
      current.push({ name, args: rest, block, file, line: argsLine });
      stack.push(block);
      continue;
    }
    if (BLOCK_DIRECTIVES.has(name)) return fail(`directive "${name}" has no opening "{"`, token.line);
    if (name === 'include') {
      const included = readInclude(fs, rest[0] ?? '', { file, line: argsLine });
      if ('message' in included) return included;
      current.push(...included);
      continue;
    }
    current.push({ name, args: rest, file, line: argsLine });
  }
  if (args.length > 0) return fail('unexpected end of file, expecting ";" or "}"', lastLine);
  if (stack.length > 1) return fail('unexpected end of file, expecting "}"', lastLine);
  return stack[0] ?? [];
}

/** `include` with an optional `*` in the file name; a glob matching nothing is fine, a missing file is not. */
function readInclude(
  fs: FileSystemView,
  pattern: string,
  from: { file: string; line: number },
): Directive[] | NginxConfigError {
  const path = pattern.startsWith('/') ? pattern : `${CONF_PREFIX}/${pattern}`;
  if (!path.includes('*')) return readDirectives(fs, path, from);
  const slash = path.lastIndexOf('/');
  const directory = path.slice(0, slash);
  const matcher = new RegExp(
    '^' +
      path
        .slice(slash + 1)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*') +
      '$',
  );
  const entries = fs.list(directory);
  if (typeof entries === 'string') return [];
  const directives: Directive[] = [];
  for (const entry of entries.filter((name) => matcher.test(name))) {
    const included = readDirectives(fs, `${directory}/${entry}`, from);
    if ('message' in included) return included;
    directives.push(...included);
  }
  return directives;
}

/** Settings inherited from http → server → location. */
interface Inherited {
  root: string;
  index: string[];
  errorPages: Record<string, string>;
  defaultType: string;
  accessLog: boolean;
  autoindex: boolean;
}

function applyInherited(directives: readonly Directive[], parent: Inherited): Inherited {
  const result: Inherited = { ...parent, errorPages: { ...parent.errorPages } };
  for (const directive of directives) {
    const [first = ''] = directive.args;
    switch (directive.name) {
      case 'root':
        result.root = first.startsWith('/') ? first : `${CONF_PREFIX}/${first}`;
        break;
      case 'index':
        result.index = directive.args;
        break;
      case 'default_type':
        result.defaultType = first;
        break;
      case 'access_log':
        result.accessLog = first !== 'off';
        break;
      case 'autoindex':
        result.autoindex = first === 'on';
        break;
      case 'error_page': {
        const uri = directive.args[directive.args.length - 1] ?? '';
        for (const code of directive.args.slice(0, -1)) if (/^\d{3}$/.test(code)) result.errorPages[code] = uri;
        break;
      }
    }
  }
  return result;
}

function returnOf(directives: readonly Directive[]): { returnCode?: number; returnText?: string } {
  const directive = directives.find((candidate) => candidate.name === 'return');
  if (!directive) return {};
  const [code = '', text] = directive.args;
  // `return URL;` is a 302 redirect.
  if (!/^\d+$/.test(code)) return { returnCode: 302, returnText: code };
  return text === undefined ? { returnCode: Number(code) } : { returnCode: Number(code), returnText: text };
}

function buildLocation(directive: Directive, inherited: Inherited): NginxLocation {
  const [first = '', second] = directive.args;
  const hasModifier = second !== undefined && ['=', '^~', '~', '~*'].includes(first);
  const block = directive.block ?? [];
  const settings = applyInherited(block, inherited);
  const location: NginxLocation = {
    modifier: hasModifier ? (first as NginxLocation['modifier']) : '',
    path: hasModifier ? second : first,
    ...settings,
    ...returnOf(block),
  };
  for (const child of block) {
    if (child.name === 'alias') location.alias = child.args[0] ?? '';
    if (child.name === 'try_files') location.tryFiles = child.args;
    if (child.name === 'proxy_pass') {
      location.proxyPass = child.args[0] ?? '';
      location.proxyPassSource = `${child.file}:${child.line}`;
    }
  }
  return location;
}

function parseListen(value: string): NginxListen | undefined {
  if (/^\d+$/.test(value)) return { port: Number(value), address: `0.0.0.0:${value}` };
  const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(value);
  if (!match) return undefined;
  const host = match[1] === '*' ? '0.0.0.0' : (match[1] ?? '');
  return { port: Number(match[2]), address: `${host}:${match[2]}` };
}

function buildServer(directive: Directive, inherited: Inherited): NginxServer | NginxConfigError {
  const block = directive.block ?? [];
  const settings = applyInherited(block, inherited);
  const listens: NginxListen[] = [];
  for (const child of block.filter((candidate) => candidate.name === 'listen')) {
    const value = child.args[0] ?? '';
    const listen = parseListen(value);
    if (!listen)
      return { message: `host not found in "${value}" of the "listen" directive in ${child.file}:${child.line}` };
    listens.push(listen);
  }
  const serverName = block.find((candidate) => candidate.name === 'server_name')?.args[0] ?? '';
  return {
    // Without `listen`, a server run by root listens on *:80.
    listens: listens.length > 0 ? listens : [{ port: 80, address: '0.0.0.0:80' }],
    serverName,
    ...returnOf(block),
    locations: block.filter((child) => child.name === 'location').map((child) => buildLocation(child, settings)),
    fallback: { modifier: '', path: '', ...settings },
  };
}

function buildMimeTypes(directives: readonly Directive[]): Record<string, string> {
  const types: Record<string, string> = {};
  for (const block of directives.filter((directive) => directive.name === 'types')) {
    for (const entry of block.block ?? []) for (const extension of entry.args) types[extension] = entry.name;
  }
  return types;
}

function buildConfig(main: readonly Directive[]): NginxConfig | NginxConfigError {
  const value = (name: string) => main.find((directive) => directive.name === name)?.args;
  const workers = value('worker_processes')?.[0] ?? '1';
  const config: NginxConfig = {
    workerProcesses: workers === 'auto' ? 'auto' : Math.max(1, Number(workers) || 1),
    errorLogLevel: value('error_log')?.[1] ?? 'error',
    pidFile: value('pid')?.[0] ?? '/var/run/nginx.pid',
    servers: [],
    mimeTypes: {},
  };
  const http = main.find((directive) => directive.name === 'http');
  if (!http) return config;
  const httpBlock = http.block ?? [];
  config.mimeTypes = buildMimeTypes(httpBlock);
  const inherited = applyInherited(httpBlock, {
    root: `${CONF_PREFIX}/html`,
    index: ['index.html'],
    errorPages: {},
    defaultType: 'text/plain',
    accessLog: true,
    autoindex: false,
  });
  for (const directive of httpBlock.filter((candidate) => candidate.name === 'server')) {
    const server = buildServer(directive, inherited);
    if ('message' in server) return server;
    config.servers.push(server);
  }
  return config;
}

/** The ports of every server, once each, in the order they appear. */
export function listenPorts(config: NginxConfig): NginxListen[] {
  const seen = new Set<number>();
  const listens: NginxListen[] = [];
  for (const server of config.servers) {
    for (const listen of server.listens) {
      if (seen.has(listen.port)) continue;
      seen.add(listen.port);
      listens.push(listen);
    }
  }
  return listens;
}
