/** Small pieces the image programs share: HTTP responses, request parsing, logging outside `step`, signal exits. */
import type { FileSystemView, HttpRequest, HttpResponse, Signal, SystemCalls } from '../../os/types';
import { SIGNAL_NUMBERS } from '../../os/types';
import { formatHttpDate } from './timeFormats';

/** Reason phrases (RFC 9110) for the statuses the programs produce. */
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  417: 'Expectation Failed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The standard reason phrase of a status code. */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}

/** A response with `Content-Length` set from the body (JavaScript string length: the programs speak ASCII). */
export function httpResponse(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    statusText: statusText(status),
    headers: { ...headers, 'Content-Length': String(body.length) },
    body,
  };
}

/**
 * A response as Go's net/http writes it: `Date`, `Content-Length`, and a sniffed `Content-Type` (text/plain or
 * text/html, the only two these servers emit) unless the handler set one.
 */
export function goResponse(
  sys: SystemCalls,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): HttpResponse {
  const sniffed = /^\s*<(!doctype html|html|head|body|h1|p|a|div|table|br)[\s>]/i.test(body)
    ? 'text/html; charset=utf-8'
    : 'text/plain; charset=utf-8';
  const defaults: Record<string, string> = body === '' ? {} : { 'Content-Type': sniffed };
  return httpResponse(status, body, { ...defaults, ...headers, Date: formatHttpDate(sys.now) });
}

/** Go's `http.NotFound`: `404 page not found`. */
export function goNotFound(sys: SystemCalls): HttpResponse {
  return goResponse(sys, 404, '404 page not found\n', {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  });
}

/** A request header, matched case-insensitively. */
export function requestHeader(request: HttpRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const headers = request.headers;
  for (const key in headers) if (key.toLowerCase() === wanted) return headers[key];
  return undefined;
}

/** Path and decoded query parameters of a request target (`/echo?msg=hi` → `/echo`, {msg: 'hi'}). */
export function splitTarget(target: string): { path: string; query: Record<string, string> } {
  const question = target.indexOf('?');
  const path = question === -1 ? target : target.slice(0, question);
  const query: Record<string, string> = {};
  if (question !== -1) {
    for (const pair of target.slice(question + 1).split('&')) {
      if (pair === '') continue;
      const equals = pair.indexOf('=');
      const key = decodeQueryComponent(equals === -1 ? pair : pair.slice(0, equals));
      // Go's Query().Get returns the first value.
      if (!(key in query)) query[key] = decodeQueryComponent(equals === -1 ? '' : pair.slice(equals + 1));
    }
  }
  return { path, query };
}

function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * A regular file's text, or undefined. `stat` first: `read` returns content and errno names as the same type, and a
 * file may hold the text `ENOENT`.
 */
export function readText(fs: FileSystemView, path: string): string | undefined {
  const stat = fs.stat(path);
  return typeof stat === 'string' || stat.type !== 'file' ? undefined : fs.read(path);
}

/**
 * Writes a log line from outside `step` (an `http` handler has no ProcessIO): through `/dev/stdout` or
 * `/dev/stderr`, where the images point their log files (nginx: `access.log -> /dev/stdout`). Only when the
 * container has that device, so a file system without it does not fill up with a regular file.
 */
export function writeProcessLog(sys: SystemCalls, stream: 'stdout' | 'stderr', text: string): void {
  if (hasProcessLog(sys, stream)) sys.fs.write(`/dev/${stream}`, text, true);
}

/** Whether `writeProcessLog` has somewhere to write, so that a caller can skip formatting a line nobody keeps. */
export function hasProcessLog(sys: SystemCalls, stream: 'stdout' | 'stderr'): boolean {
  return typeof sys.fs.stat(stream === 'stdout' ? '/dev/stdout' : '/dev/stderr') !== 'string';
}

/**
 * How a Go program without its own handler ends on SIGHUP/SIGINT/SIGTERM: the runtime re-raises the signal with the
 * default action, which PID 1 of a namespace ignores, so it falls back to exit(2) (runtime/signal_unix.go
 * dieFromSignal). Elsewhere the signal kills it (128+n).
 */
export function goSignalExitCode(sys: SystemCalls, signal: Signal): number {
  return sys.pid === 1 ? 2 : 128 + SIGNAL_NUMBERS[signal];
}

/** The signals Go's runtime turns into an exit when the program installed no handler. */
export const GO_TERMINATING_SIGNALS: readonly Signal[] = ['SIGHUP', 'SIGINT', 'SIGTERM'];

/** Value of `--name=value` or `--name value` (also `-name`, as Go's flag package allows) in argv. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    for (const prefix of [`--${name}`, `-${name}`]) {
      if (arg.startsWith(`${prefix}=`)) return arg.slice(prefix.length + 1);
      if (arg === prefix) return argv[index + 1];
    }
  }
  return undefined;
}

/** The port of a listen address such as `:8080`, `0.0.0.0:9100` or `8080`. */
export function portOfAddress(address: string): number | undefined {
  const port = Number(address.slice(address.lastIndexOf(':') + 1));
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}
