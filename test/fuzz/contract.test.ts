/**
 * Deep fuzz of the DESIGN.md contract functions: start from a valid call, then replace one leaf of the
 * arguments at a time (every number by NaN, ±∞, −1, 0.5, 1e308, −0; every string by '' and an unknown
 * id; every array by []; every object by null) and check the contract: a YieldInputError, or a result
 * without NaN / ±∞ (outside the fields documented to hold them), the arguments unchanged, and no hang.
 */
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { attempt, nonFinitePaths, snapshot } from './harness.js';

const NUMBERS = [Number.NaN, Infinity, -Infinity, -1, 0.5, 1e308, -0];
const STRINGS = ['', 'zz-unknown'];

type Leaf = { path: (string | number)[]; value: unknown };
function leaves(x: unknown, path: (string | number)[] = [], out: Leaf[] = []): Leaf[] {
  if (x === null || typeof x !== 'object') {
    if (typeof x !== 'function') out.push({ path, value: x });
    return out;
  }
  out.push({ path, value: x });
  if (Array.isArray(x)) x.forEach((v, i) => leaves(v, [...path, i], out));
  else for (const [k, v] of Object.entries(x)) leaves(v, [...path, k], out);
  return out;
}
function setAt(root: unknown[], path: (string | number)[], value: unknown): unknown[] {
  const copy = structuredClone(root) as unknown[];
  let o: Record<string | number, unknown> = copy as never;
  for (let i = 0; i < path.length - 1; i++) o = o[path[i]!] as never;
  o[path[path.length - 1]!] = value;
  return copy;
}
function variants(leaf: Leaf): unknown[] {
  if (typeof leaf.value === 'number') return NUMBERS;
  if (typeof leaf.value === 'string') return STRINGS;
  if (Array.isArray(leaf.value)) return [[], null];
  if (leaf.value !== null && typeof leaf.value === 'object') return [null];
  return [];
}

const normal = (mean: number, sd: number) => ({ kind: 'normal', mean, sd });
const twoLegs = {
  resources: [{ id: 'AB', capacity: 10 }, { id: 'BC', capacity: 12 }],
  products: [
    { id: 'AB', fare: 200, resources: ['AB'], demand: 6 },
    { id: 'BC', fare: 150, resources: ['BC'], demand: 9 },
    { id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 7 },
  ],
};
const tinyProcess = {
  network: {
    resources: [{ id: 'L', capacity: 2 }],
    products: [{ id: 'lo', fare: 50, resources: ['L'], demand: 1 }, { id: 'hi', fare: 100, resources: ['L'], demand: 1 }],
  },
  periods: 3,
  arrivalProbabilities: [0.5, 0.2, 0.5, 0.2, 0.3, 0.6],
};

/** name → valid arguments (documented non-finite fields, if any). */
const FIXTURES: [string, unknown[], string[]?][] = [
  // +Infinity protection is documented when the low fare is 0 (protect the whole support)
  ['littlewood', [normal(40, 15), 200, 120], ['result']],
  ['emsrA', [[{ fare: 1050, demand: normal(17.3, 5.8) }, { fare: 567, demand: normal(45.1, 15) }, { fare: 534, demand: normal(39.6, 13.2) }]], ['result.protectionLevels']],
  ['emsrB', [[{ fare: 1050, demand: normal(17.3, 5.8) }, { fare: 567, demand: normal(45.1, 15) }, { fare: 534, demand: { kind: 'poisson', mean: 20 } }], { rounding: 'up' }], ['result.protectionLevels']],
  ['bookingLimits', [[10, 25], 60]],
  ['fareTransformation', [[{ fare: 1000, demand: normal(10, 3) }, { fare: 500, demand: normal(20, 5) }]]],
  ['optimalProtectionLevels', [[{ fare: 200, demand: { kind: 'poisson', mean: 10 } }, { fare: 100, demand: { kind: 'poisson', mean: 20 } }], 25]],
  ['dynamicProgram', [{ capacity: 5, fares: [100, 60], arrivalProbabilities: [0.3, 0.5], periods: 10 }]],
  ['overbookingLimit', [{ capacity: 100, fare: 120, deniedServiceCost: 300, showUp: { kind: 'binomial', probability: 0.9 } }], ['result.authorized']], // ∞ with status 'unbounded' (documented)
  ['dlp', [twoLegs]],
  ['bidPriceControls', [twoLegs, { AB: 150, BC: 120 }]],
  ['optimalPrice', [{ kind: 'linear', a: 100, b: 0.5 }, { unitCost: 20, capacity: 60 }]],
  ['gallegoVanRyzin', [{ a: 5, alpha: 0.01, inventory: 10, horizon: 3 }]],
  ['dynamicPricing', [{ inventory: 3, periods: 5, prices: [100, 80], purchaseProbabilities: [0.2, 0.4] }]],
  ['mnlAssortment', [{ products: [{ price: 100, weight: 1 }, { price: 80, weight: 2 }], noPurchaseWeight: 1 }]],
  ['meanConfidenceInterval', [[1, 2, 3, 4], 0.9]],
  ['lagrangianRelaxation', [tinyProcess, { iterations: 5 }]],
  ['dpDecomposition', [tinyProcess]],
  ['simulatePolicies', [tinyProcess, [{ kind: 'fcfs' }, { kind: 'dlp' }], { trajectories: 2, seed: 3 }]],
  [
    'hotelBookingProcess',
    [
      {
        hotel: {
          nights: [{ date: '2026-05-01', capacity: 3 }, { date: '2026-05-02', capacity: 3 }],
          ratePlans: [{ id: 'BAR', price: 120, commission: 0.1 }],
          segments: { Direct: { ratePlan: 'BAR', cancellation: 0.2, noShow: 0.05 } },
        },
        demand: { asOf: '2026-04-28', products: [{ arrivalDate: '2026-05-01', nights: 2, segment: 'Direct', demand: 2 }] },
        groups: [{ arrivalDate: '2026-05-02', nights: 1, rooms: 2, rate: 90, wash: 0.1 }],
      },
    ],
  ],
];

describe('contract functions with one hostile leaf at a time', () => {
  for (const [name, args, documented] of FIXTURES) {
    it(`${name}: every mutated argument gives a YieldInputError or a finite result, and no input is mutated`, async () => {
      const f = (lib as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
      expect(typeof f, `${name} is exported`).toBe('function');
      const ok = await attempt(f, structuredClone(args));
      expect(ok.kind, `${name} accepts its valid fixture`).toBe('ok');
      const problems: string[] = [];
      for (const leaf of leaves(args)) {
        if (leaf.path.length === 0) continue;
        for (const v of variants(leaf)) {
          const call = setAt(args, leaf.path, v);
          const before = snapshot(call);
          const t0 = performance.now();
          const o = await attempt(f, call);
          const ms = performance.now() - t0;
          const where = `${leaf.path.join('.')} = ${snapshot(v)}`;
          if (o.kind === 'other-error') problems.push(`${where}: threw ${(o.error as Error)?.constructor?.name}: ${String((o.error as Error)?.message).slice(0, 100)}`);
          else if (o.kind === 'ok') {
            const bad = nonFinitePaths(o.value).filter((p) => !(documented ?? []).some((d) => p.startsWith(d)));
            if (bad.length) problems.push(`${where}: returned ${bad.join('; ')}`);
          }
          if (snapshot(call) !== before) problems.push(`${where}: mutated its input`);
          if (ms > 5000) problems.push(`${where}: took ${ms.toFixed(0)} ms`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
