import { afterEach, describe, expect, it } from 'vitest';
import { WARM_UP_DLP_DEFAULTS, dlp, warmUpDlp } from '../../../src/optimize/network/index.js';
import { warmUpNetwork } from '../../../src/optimize/network/warmUpDlp.js';
import { configureLpSolvers } from '../../../src/optimize/lp/index.js';
import { parseNetwork, YieldInputError } from '../../../src/model/index.js';
import { certifyDlp as certify } from './certifyDlp.js';

// No timing is asserted here (speed is measured in bench/cold-dlp.bench.ts): only that the warm-up runs,
// reports one time per round, refuses bad options, and solves a real, non-trivial DLP.

afterEach(() => configureLpSolvers({}));


describe('warmUpDlp(options)', () => {
  it('warmUpDlp({ nights, rounds }) returns ok with one finite, non-negative wall time per round', async () => {
    const w = await warmUpDlp({ nights: 21, rounds: 4 });
    expect(w.status).toBe('ok');
    expect(w.solveMs).toHaveLength(4);
    for (const ms of [w.loadMs, w.buildMs, ...w.solveMs]) {
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('warmUpDlp() at the defaults (a year, three rounds) returns ok with WARM_UP_DLP_DEFAULTS.rounds times', async () => {
    expect(WARM_UP_DLP_DEFAULTS).toEqual({ nights: 365, rounds: 3 });
    const w = await warmUpDlp();
    expect(w.status).toBe('ok');
    expect(w.solveMs).toHaveLength(WARM_UP_DLP_DEFAULTS.rounds);
  });

  it('warmUpDlp(bad options) throws a YieldInputError naming the field, before loading or solving anything', async () => {
    const cases: [unknown, string][] = [
      [null, 'options'],
      [[], 'options'],
      [7, 'options'],
      [{ nights: 0 }, 'options.nights'],
      [{ nights: -1 }, 'options.nights'],
      [{ nights: 1.5 }, 'options.nights'],
      [{ nights: 3651 }, 'options.nights'],
      [{ nights: 1e308 }, 'options.nights'],
      [{ nights: Number.NaN }, 'options.nights'],
      [{ nights: Infinity }, 'options.nights'],
      [{ nights: '365' }, 'options.nights'],
      [{ rounds: 0 }, 'options.rounds'],
      [{ rounds: 2.5 }, 'options.rounds'],
      [{ rounds: 21 }, 'options.rounds'],
      [{ rounds: null }, 'options.rounds'],
      [{ solver: 'highs' }, 'options.solver'],
      [{ night: 30 }, 'options.night'],
    ];
    let loads = 0;
    configureLpSolvers({ highs: { loader: () => (loads++, import('highs')) } });
    for (const [options, path] of cases) {
      const e = await warmUpDlp(options as never).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, JSON.stringify(options)).toBeInstanceOf(YieldInputError);
      expect((e as YieldInputError).path, JSON.stringify(options)).toBe(path);
    }
    expect(loads).toBe(0);
  });

  it('warmUpDlp accepts the limits themselves (1 night, 1 round) and leaves its options object as it was', async () => {
    const options = Object.freeze({ nights: 1, rounds: 1 });
    const w = await warmUpDlp(options);
    expect(w.status).toBe('ok');
    expect(w.solveMs).toHaveLength(1);
    expect(options).toEqual({ nights: 1, rounds: 1 });
  });

  it('warmUpDlp returns solver-failed with the reason, not a rejection, when HiGHS cannot be loaded', async () => {
    configureLpSolvers({ highs: { loader: () => Promise.reject(new Error('no highs here')) } });
    const w = await warmUpDlp({ nights: 7, rounds: 2 });
    expect(w.status).toBe('solver-failed');
    expect(w.status === 'solver-failed' && w.message).toMatch(/could not load.*no highs here/);
    expect(w.solveMs).toEqual([]);
    configureLpSolvers({});
    expect((await warmUpDlp({ nights: 7, rounds: 1 })).status).toBe('ok'); // the failed load is not cached
  });
});

describe('the synthetic hotel that warmUpDlp solves', () => {
  it('is a valid network (parseNetwork accepts it) with 5 rates × every stay of 1–7 nights that fits', () => {
    for (const nights of [1, 6, 7, 8, 365]) {
      const network = warmUpNetwork(nights);
      expect(() => parseNetwork(network)).not.toThrow();
      expect(network.resources).toHaveLength(nights);
      let stays = 0; // independent count: arrivals a = 0…nights−1, lengths 1…min(7, nights − a)
      for (let a = 0; a < nights; a++) stays += Math.min(7, nights - a);
      expect(network.products).toHaveLength(5 * stays);
    }
    expect(warmUpNetwork(365).products).toHaveLength(12_670);
  });

  it('is deterministic: the same nights give the same network', () => {
    expect(warmUpNetwork(40)).toEqual(warmUpNetwork(40));
    // one fixed sequence: a 10-night hotel's arrivals 0…3 (all seven lengths fit) are a 40-night one's
    expect(warmUpNetwork(10).products.slice(0, 4 * 7 * 5)).toEqual(warmUpNetwork(40).products.slice(0, 4 * 7 * 5));
  });

  it('asks for more than capacity on every night but the first and last few (so many rows bind, as in a busy year)', () => {
    const network = warmUpNetwork(365);
    const asked = new Map<string, number>();
    for (const p of network.products) for (const r of p.resources) asked.set(r, (asked.get(r) ?? 0) + (p.demand as number));
    // the first and last six nights have fewer stays over them (no arrivals before night 0, none after the end)
    for (const r of network.resources.slice(6, -6)) expect(asked.get(r.id)!, r.id).toBeGreaterThan(1.5 * r.capacity);
  });

  it('one night: the DLP objective equals filling the 120 rooms by fare, highest first (computed here by hand)', async () => {
    const network = warmUpNetwork(1);
    const r = await dlp(network);
    let left = 120;
    let revenue = 0;
    for (const p of [...network.products].sort((a, b) => b.fare - a.fare)) {
      const sold = Math.min(left, p.demand as number);
      revenue += sold * p.fare;
      left -= sold;
    }
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(revenue, 6);
    expect(revenue).toBeGreaterThan(0);
  });

  it('a month: HiGHS solves its DLP to a positive objective that the independent KKT checker certifies and javascript-lp-solver matches', async () => {
    const network = warmUpNetwork(30);
    const h = await dlp(network);
    expect(h.status).toBe('optimal');
    expect(h.objective!).toBeGreaterThan(0);
    expect(certify(network, h)).toEqual([]);
    const js = await dlp(network, { solver: 'javascript-lp-solver' });
    expect(js.status).toBe('optimal');
    expect(js.objective!).toBeCloseTo(h.objective!, 4);
    // some nights are full with a positive bid price: the LP is not trivially solved at its demand bounds
    expect(Array.from(h.bidPriceArray!).filter((p) => p > 0).length).toBeGreaterThan(0);
  });
});
