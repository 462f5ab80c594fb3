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

/** Brand shared by every copy of the package (ESM and CJS builds alike): `Symbol.for` is process-wide. */
const BRAND: unique symbol = Symbol.for('yieldcraft.YieldInputError') as never;

/**
 * Thrown for bad input. `path` names the offending field, e.g. `classes[2].fare`.
 *
 * `instanceof YieldInputError` works within one copy of the package; an application that loads both
 * the ES module and the CommonJS build (the dual-package hazard) should use {@link isYieldInputError},
 * which recognises an error thrown by either.
 * @example
 * import { littlewood, isYieldInputError } from 'yieldcraft';
 * try { littlewood({ kind: 'normal', mean: 40, sd: -1 }, 200, 120); }
 * catch (e) { if (isYieldInputError(e)) console.log(e.path); } // => 'highDemand.sd'
 */
export class YieldInputError extends Error {
  /** @internal the cross-build brand */
  readonly [BRAND] = true;
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

/**
 * Is `e` a {@link YieldInputError} thrown by any copy of yieldcraft (ESM or CJS build, another
 * version in the same process)? Checks the process-wide brand rather than the class identity.
 * @example
 * import { isYieldInputError, YieldInputError } from 'yieldcraft';
 * isYieldInputError(new YieldInputError('invalid', 'x', 'bad')); // => true
 * isYieldInputError(new Error('x')); // => false
 */
export function isYieldInputError(e: unknown): e is YieldInputError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * Re-throws a YieldInputError with its path (and every issue's path) put under `prefix`: how a caller
 * that validates a nested part reports the field as the user wrote it (`controls.bidPrices.AB` rather
 * than `prices.AB`). `rename` maps the leading segment of the inner path (e.g. `{ prices: 'bidPrices' }`).
 * Any other error is returned unchanged. @internal
 */
export function prefixError(e: unknown, prefix: string, rename: Readonly<Record<string, string>> = {}): unknown {
  if (!isYieldInputError(e)) return e;
  if (e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`)) return e;
  const head = e.path.split(/[.[]/, 1)[0]!;
  const rest = e.path.slice(head.length);
  const mapped = head in rename ? rename[head]! : head;
  const inner = mapped === '' ? rest.replace(/^\./, '') : mapped + rest;
  const path = inner === '' ? prefix : inner.startsWith('[') ? prefix + inner : `${prefix}.${inner}`;
  const message = e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
  const issues = e.issues.map((i) => ({ ...i, path: [...splitPath(prefix), ...(mapped === '' ? [] : [mapped]), ...i.path.slice(1)] }));
  return new YieldInputError(e.code, path, message, issues);
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
