/**
 * The two ways a command fails, and their exit codes: a usage error (2: unknown flag, missing argument,
 * a flag value of the wrong form, a command not available yet) and a bad input file (1: the file is
 * unreadable, not JSON, or fails validation; printed as `file: field: problem`, one line per problem).
 */
import { YieldInputError } from '../model/errors.js';

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line itself: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose usage to print (undefined: the top-level usage). */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** A bad input file: every problem with its field path, exit code 1. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(problems.map((p) => `${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
  }

  /** Wraps a YieldInputError raised while validating the contents of `file`. */
  static from(file: string, error: YieldInputError, prefix = ''): InputFileError {
    const problems = error.issues.map((issue) => {
      const path = issuePath(issue.path);
      return { path: prefix && path ? `${prefix}.${path}` : prefix || path, message: issue.message };
    });
    return new InputFileError(file, problems.length ? problems : [{ path: error.path, message: error.message }]);
  }
}

function issuePath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** Runs `f`, turning a YieldInputError into an InputFileError for `file` (fields prefixed by `prefix`). */
export function inFile<T>(file: string, f: () => T, prefix = ''): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof YieldInputError) throw InputFileError.from(file, e, prefix);
    throw e;
  }
}

/** The async form of {@link inFile}. */
export async function inFileAsync<T>(file: string, f: () => Promise<T>, prefix = ''): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof YieldInputError) throw InputFileError.from(file, e, prefix);
    throw e;
  }
}
