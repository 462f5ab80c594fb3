import { YieldInputError } from '../src/model/errors.js';

/** The `path` of the YieldInputError that `f` throws, or undefined when it throws nothing; any other error propagates. */
export function pathOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof YieldInputError) return e.path;
    throw e;
  }
  return undefined;
}
