import { expect } from 'vitest';
import { YieldInputError } from '../../src/model/errors.js';

/** Relative difference |a − b| / max(|a|, |b|), 0 when equal. */
export const rel = (a: number, b: number): number =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

/** Asserts that f throws a YieldInputError whose path is `path`. */
export function expectInputError(f: () => unknown, path: string): void {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected a YieldInputError at ${path}`).toBeInstanceOf(YieldInputError);
  expect((thrown as YieldInputError).path).toBe(path);
}
