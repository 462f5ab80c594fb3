/** See ../index.ts. */
export * from './types.js';
export { solveLp } from './solveLp.js';
export * from './buildLp.js';
export * from './solveLpSequence.js';
export * from './lpSession.js';
export { configureLpSolvers, type HighsLoadOptions, type JsLpSolverLoadOptions, type LpSolverLoadOptions } from './configureLpSolvers.js';
