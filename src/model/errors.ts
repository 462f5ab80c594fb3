/**
 * Errors for bad input.
 *
 * Every public function of yieldcraft validates its arguments at the boundary and throws a
 * {@link YieldInputError} for input it cannot use: a NaN fare, a negative capacity, an unsorted class
 * list, an unknown resource id. Outcomes that are legitimate results (an infeasible LP, too little
 * history) are never thrown: they come back as a `status` in the result.
 *
 * @example
 * import { littlewood, YieldInputError } from 'yieldcraft';
 * try {
 *   littlewood({ kind: 'normal', mean: 40, sd: -1 }, 200, 120);
 * } catch (e) {
 *   if (e instanceof YieldInputError) console.log(e.code, e.path); // => 'invalid' 'highDemand.sd'
 * }
 */

/** A machine-readable reason for the rejection. */
export type YieldInputErrorCode =
  | 'invalid' // a value out of its domain (NaN, negative, outside [0, 1], …)
  | 'invalid-type' // not a number / not an array / …
  | 'empty' // a list that must not be empty
  | 'unsorted' // a list that must be ordered (fares high → low, dates ascending)
  | 'unknown-reference' // an id that names nothing (an unknown resource)
  | 'inconsistent' // fields that disagree with each other (probabilities summing over 1)
  | 'schema'; // zod validation failed: see `issues`

/** One validation problem: where (path into the input) and what. */
export interface YieldInputIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code: string;
}

/** Thrown for bad input. `path` names the offending field, e.g. `classes[2].fare`. */
export class YieldInputError extends Error {
  override readonly name = 'YieldInputError';
  readonly code: YieldInputErrorCode;
  /** The offending field, as a dotted path (`classes[2].demand.sd`). */
  readonly path: string;
  /** Every problem found (zod reports them all, not just the first). */
  readonly issues: readonly YieldInputIssue[];

  constructor(
    code: YieldInputErrorCode,
    path: string,
    message: string,
    issues?: readonly YieldInputIssue[],
  ) {
    super(path ? `${path}: ${message}` : message);
    this.code = code;
    this.path = path;
    this.issues = issues ?? [{ path: splitPath(path), message, code }];
  }
}

/** `a.b[2].c` → ['a', 'b', 2, 'c'] */
function splitPath(path: string): (string | number)[] {
  if (!path) return [];
  const out: (string | number)[] = [];
  for (const part of path.split(/\.|\[|\]/)) {
    if (part === '') continue;
    out.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return out;
}

/** Formats a zod-style path array as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}
