import { defineConfig } from 'tsup';

/** One entry per domain folder: each is a subpath export (see package.json "exports"). */
export const domains = [
  'model',
  'distributions',
  'history',
  'forecast',
  'optimize',
  'overbooking',
  'pricing',
  'control',
  'simulate',
  'metrics',
  'customer',
  'scenario',
  'report',
] as const;

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'cli/index': 'src/cli/main.ts',
    // the simulator's worker-thread module (simulatePolicies looks for dist/simulate/worker.js|.cjs)
    'simulate/worker': 'src/simulate/worker.ts',
    ...Object.fromEntries(domains.map((d) => [`${d}/index`, `src/${d}/index.ts`])),
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  splitting: true,
  treeshake: true,
  target: 'node20',
  external: ['highs', 'javascript-lp-solver', 'vega', 'vega-lite'],
});
