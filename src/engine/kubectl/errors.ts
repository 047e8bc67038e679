/**
 * kubectl's error texts: an ApiError (a `metav1.Status`) or a client-side failure, printed as
 * `KC:pkg/cmd/util/helpers.go:checkErr` prints them.
 */
import type { ApiError } from '../api/types';

/** A failure that ends the command (or, collected, one of several). */
export class KubectlError extends Error {
  constructor(
    message: string,
    /** The API status behind the error, if it came from the server. */
    readonly status?: ApiError,
    readonly exitCode = 1,
    /** Printed as is, without `error: ` (a remote command's exit, `utilexec.ExitError`). */
    readonly verbatim = false,
  ) {
    super(message);
  }
}

/** A remote command's non-zero exit: `command terminated with exit code N`, exit code N. */
export function exitError(exitCode: number): KubectlError {
  return new KubectlError(`command terminated with exit code ${exitCode}`, undefined, exitCode, true);
}

/** A client-side error, printed as `error: <message>`. */
export function clientError(message: string, exitCode = 1): KubectlError {
  return new KubectlError(message, undefined, exitCode);
}

/**
 * An API error; with a source the message gains kubectl's `error when creating "pod.yaml": ` prefix
 * (`cmdutil.AddSourceToErr`).
 */
export function apiError(error: ApiError, source?: { verb: string; file: string }): KubectlError {
  const message = source ? `error when ${source.verb} "${source.file}": ${error.message}` : error.message;
  return new KubectlError(message, { ...error, message });
}

/** `StandardErrorMessage`: the one-line text of an error as kubectl prints it inside a list of errors. */
function standardMessage(err: KubectlError): string {
  if (!err.status) return err.message;
  return `Error from server (${err.status.reason}): ${err.message}`;
}

/** The stderr text kubectl prints for one error (`checkErr`), always ending with a newline. */
export function formatError(err: KubectlError): string {
  const status = err.status;
  if (status?.reason === 'Invalid') {
    const details = status.details;
    if (!details) return 'The request is invalid\n';
    let text = 'The request is invalid';
    if (details.kind || details.name) text = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
    const causes = uniqueCauses(status);
    if (causes.length === 0) return `${text}\n`;
    // MultilineError: one cause on the same line, several as `* ` lines under the prefix.
    if (causes.length === 1) return `${text}: ${causes[0]}\n`;
    return `${text}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
  }
  if (status) return `${standardMessage(err)}\n`;
  // handleErr adds a newline only when the message lacks one.
  if (err.verbatim) return err.message.endsWith('\n') ? err.message : `${err.message}\n`;
  const text = err.message.startsWith('error: ') ? err.message : `error: ${err.message}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Several errors (`utilerrors.Aggregate`): one line each, without the `error: ` prefix, as `MultipleErrors` does. */
export function formatErrors(errors: readonly KubectlError[]): string {
  if (errors.length === 1) return formatError(errors[0] as KubectlError);
  return errors.map((e) => `${standardMessage(e)}\n`).join('');
}

// statusCausesToAggrError: `field: message`, duplicates dropped.
function uniqueCauses(status: ApiError): string[] {
  const seen: string[] = [];
  for (const cause of status.details?.causes ?? []) {
    const text = cause.field ? `${cause.field}: ${cause.message}` : cause.message;
    if (!seen.includes(text)) seen.push(text);
  }
  return seen;
}

/** The error cobra reports for a bad flag, with kubectl's usage pointer. */
export function flagError(message: string, commandPath: string): KubectlError {
  return clientError(`${message}\nSee '${commandPath} --help' for usage.`);
}

/** `cmdutil.UsageErrorf`. */
export function usageError(message: string, commandPath: string): KubectlError {
  return clientError(`${message}\nSee '${commandPath} -h' for help and examples`);
}
