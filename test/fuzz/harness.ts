/**
 * The hostile-input harness: values a careless or hostile caller passes, and the contract every export
 * must hold with them (a YieldInputError or a result; never another exception, never NaN / ±Infinity in
 * a result unless documented, inputs never mutated).
 */
import { isYieldInputError } from '../../src/model/errors.js';

export const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0.5,
  1e308,
  2 ** 32 + 1,
  '',
  'x',
  '2017-13-45',
  [],
  [Number.NaN],
  {},
  { kind: 'normal', mean: Number.NaN, sd: 1 },
  true,
];

/** Paths in a value holding NaN or ±Infinity (at most 5). */
export function nonFinitePaths(x: unknown, path = 'result', seen = new Set<unknown>(), out: string[] = []): string[] {
  if (out.length >= 5) return out;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) out.push(`${path} = ${x}`);
    return out;
  }
  if (x === null || typeof x !== 'object' || seen.has(x)) return out;
  seen.add(x);
  if (ArrayBuffer.isView(x)) {
    const a = x as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length && out.length < 5; i++) if (typeof a[i] === 'number' && !Number.isFinite(a[i])) out.push(`${path}[${i}] = ${a[i]}`);
    return out;
  }
  for (const [k, v] of Object.entries(x)) nonFinitePaths(v, `${path}.${k}`, seen, out);
  return out;
}

export type Outcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'input-error'; path: string }
  | { kind: 'other-error'; error: unknown };

/** Calls f(...args) (awaiting a promise), classifying the outcome. */
export async function attempt(f: (...a: unknown[]) => unknown, args: unknown[]): Promise<Outcome> {
  try {
    const r = f(...args);
    const value = r instanceof Promise ? await r : r;
    return { kind: 'ok', value };
  } catch (e) {
    if (isYieldInputError(e)) return { kind: 'input-error', path: (e as { path: string }).path };
    return { kind: 'other-error', error: e };
  }
}

export function snapshot(x: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(x, (_k, v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return `#${v}`;
    if (typeof v === 'function') return '#fn';
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    if (v !== null && typeof v === 'object') {
      if (seen.has(v)) return '#cycle';
      seen.add(v);
    }
    return v;
  }) ?? 'undefined';
}
