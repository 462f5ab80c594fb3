import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyVariation, mergeWhatIf, parseScenario, resolveDemand, whatIf, type ResolvedDemand, type Variation, type WhatIfResult } from '../../src/scenario/index.js';
import { YieldInputError } from '../../src/model/errors.js';
import { smallScenario } from './fixtures.js';

function issuesOf(json: unknown): string[] {
  try {
    parseScenario(json);
  } catch (e) {
    if (e instanceof YieldInputError) return e.issues.map((i) => i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, ''));
    throw e;
  }
  return [];
}

describe('parseScenario', () => {
  it('accepts the small scenario and returns it typed', () => {
    expect(parseScenario(smallScenario()).name).toBe('small hotel');
  });

  it('reports every mistake at once, each with its path', () => {
    const s = smallScenario() as unknown as Record<string, any>;
    s.hotel.rooms = -3; // a negative number of rooms
    s.hotel.ratePlans[1].price = 'ninety'; // a price that is not a number
    s.hotel.segments.Leisure.cancellation = 1.4; // a probability above 1
    s.demand.nights[1].date = '2026-02-30'; // a date that does not exist
    s.policy = { kind: 'magic' }; // an unknown policy
    const paths = issuesOf(s);
    for (const p of ['hotel.rooms', 'hotel.ratePlans[1].price', 'hotel.segments.Leisure.cancellation', 'demand.nights[1].date', 'policy'])
      expect(paths, p).toContain(p);
  });

  it('once the shapes are right, names every broken reference: rate plans, duplicate ids, segments, nights out of order', () => {
    const s = smallScenario() as unknown as Record<string, any>;
    s.demand.products[2].segment = 'Crew';
    s.hotel.segments.Business.ratePlan = 'GOLD';
    s.hotel.ratePlans.push({ id: 'BAR', price: 1 });
    s.demand.nights.reverse();
    const paths = issuesOf(s);
    expect(paths).toContain('hotel.segments.Business.ratePlan');
    expect(paths).toContain('hotel.ratePlans[2].id');
    expect(paths).toContain('demand.nights[1].date');
    expect(paths).toContain('demand.products[2].segment');
  });

  it('a missing section and a wrong demand source are named', () => {
    expect(issuesOf({ name: 'x' })).toEqual(expect.arrayContaining(['hotel', 'demand', 'policy']));
    const s = smallScenario() as unknown as Record<string, any>;
    s.demand = { source: 'crystal-ball' };
    expect(issuesOf(s)).toContain('demand.source');
  });

  it('never throws anything but a YieldInputError, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        try {
          parseScenario(j);
        } catch (e) {
          expect(e).toBeInstanceOf(YieldInputError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('applyVariation', () => {
  const s = parseScenario(smallScenario());
  const demand = resolveDemand(s, undefined) as ResolvedDemand;

  it('the baseline carries the scenario over unchanged', () => {
    const b = applyVariation(s, demand, []);
    expect(b.input.hotel.nights).toEqual([
      { date: '2026-05-08', capacity: 20, onTheBooks: 4, authorized: 20 },
      { date: '2026-05-09', capacity: 20, onTheBooks: 6, authorized: 20 },
      { date: '2026-05-10', capacity: 20, onTheBooks: 0, authorized: 20 },
    ]);
    expect(b.policy).toEqual({ kind: 'dlp' });
    expect(b.fixedRevenue).toBe(0);
  });

  it('changes combine in order: demand factors multiply, rooms out of order on a date range, overbooking, another policy', () => {
    const v = applyVariation(s, demand, [
      { kind: 'demand', segment: 'Leisure', factor: 0.5 },
      { kind: 'demand', factor: 0.8 },
      { kind: 'capacity', rooms: -5, from: '2026-05-09', to: '2026-05-09' },
      { kind: 'overbooking', rooms: 2 },
      { kind: 'policy', policy: { kind: 'fcfs' } },
      { kind: 'rate', ratePlan: 'BAR', factor: 1.1 },
      { kind: 'commission', ratePlan: 'DISC', commission: 0.2 },
      { kind: 'cancellations', segment: 'Business', factor: 2 },
    ]);
    expect(v.input.demand.products.map((p) => p.demand)).toEqual([9 * 0.8, 12 * 0.5 * 0.8, 10 * 0.8, 8 * 0.5 * 0.8, 25 * 0.5 * 0.8, 5 * 0.8]);
    expect(v.input.hotel.nights.map((n) => [n.capacity, n.authorized])).toEqual([[20, 22], [15, 17], [20, 22]]);
    expect(v.policy).toEqual({ kind: 'fcfs' });
    expect(v.input.hotel.ratePlans.find((r) => r.id === 'BAR')!.price).toBeCloseTo(165, 12);
    expect(v.input.hotel.ratePlans.find((r) => r.id === 'DISC')!.commission).toBe(0.2);
    expect(v.input.hotel.segments.Business!.cancellation).toBeCloseTo(0.2, 12);
    // the scenario itself is untouched
    expect(s.hotel.ratePlans[0]!.price).toBe(150);
    expect(s.hotel.segments.Business!.cancellation).toBe(0.1);
  });

  it('an accepted group holds its expected pick-up from the start and brings its contribution; an offered one is asked', () => {
    const group = { arrivalDate: '2026-05-08', nights: 2, rooms: 10, rate: 80, wash: 0.2, commission: 0.1, variableCost: 20 };
    const a = applyVariation(s, demand, [{ kind: 'group', decision: 'accept', group }]);
    expect(a.input.hotel.nights.map((n) => n.onTheBooks)).toEqual([4 + 8, 6 + 8, 0]);
    expect(a.fixedRevenue).toBe(8 * 2 * 80);
    expect(a.fixedContribution).toBeCloseTo(8 * 2 * (80 * 0.9 - 20), 9);
    const o = applyVariation(s, demand, [{ kind: 'group', decision: 'offer', group }]);
    expect(o.input.groups).toEqual([group]);
    expect(o.fixedRevenue).toBe(0);
  });

  it('unknown segments and rate plans in a change are named with the change’s path', () => {
    expect(() => applyVariation(s, demand, [{ kind: 'demand', segment: 'Crew', factor: 2 }], 'variations[3]')).toThrow(/variations\[3\]\.changes\[0\]\.segment/);
    expect(() => applyVariation(s, demand, [{ kind: 'rate', ratePlan: 'GOLD', price: 1 }])).toThrow(/changes\[0\]\.ratePlan/);
    expect(() => applyVariation(s, demand, [{ kind: 'cancellations', factor: 20 }])).toThrow(/above 1/);
  });
});

describe('whatIf', () => {
  const variations: Variation[] = [
    { name: 'first come, first served', changes: [{ kind: 'policy', policy: { kind: 'fcfs' } }] },
    { name: 'leisure −50 %', changes: [{ kind: 'demand', segment: 'Leisure', factor: 0.5 }] },
  ];

  it('is deterministic for a seed, plain JSON, and its paired differences are the per-trajectory differences', async () => {
    const a = (await whatIf(smallScenario(), variations)) as WhatIfResult;
    const b = (await whatIf(smallScenario(), variations)) as WhatIfResult;
    expect(a.status).toBe('ok');
    expect(JSON.parse(JSON.stringify(a))).toEqual(b);
    const v = a.variations[0]!;
    const diffs = v.values.revenue.map((x, k) => x - a.baseline.values.revenue[k]!);
    expect(v.difference!.revenue.mean).toBeCloseTo(diffs.reduce((s, x) => s + x, 0) / diffs.length, 9);
    expect(a.baseline.values.revenue).toHaveLength(12);
    // another seed gives other trajectories
    const c = (await whatIf({ ...smallScenario(), simulation: { ...smallScenario().simulation, seed: 8 } }, variations)) as WhatIfResult;
    expect(c.baseline.values.revenue).not.toEqual(a.baseline.values.revenue);
  });

  it('halving leisure demand never raises the rooms requested (common random numbers)', async () => {
    const r = (await whatIf(smallScenario(), variations)) as WhatIfResult;
    const half = r.variations[1]!;
    expect(half.metrics.requests.mean).toBeLessThan(r.baseline.metrics.requests.mean);
  });

  it('shards merged give exactly the single run', async () => {
    const whole = (await whatIf(smallScenario(), variations)) as WhatIfResult;
    const shards = await Promise.all(
      [[0, 5], [5, 4], [9, 3]].map(([first, n]) => whatIf(smallScenario(), variations, { firstTrajectory: first, trajectories: n }) as Promise<WhatIfResult>),
    );
    const merged = mergeWhatIf([shards[2]!, shards[0]!, shards[1]!]);
    const strip = (r: WhatIfResult) => ({ ...r, baseline: { ...r.baseline, byNight: [] }, variations: r.variations.map((v) => ({ ...v, byNight: [] })) });
    expect(strip(merged)).toEqual(strip(whole));
    merged.baseline.byNight.forEach((x, i) => expect(x.occupancy).toBeCloseTo(whole.baseline.byNight[i]!.occupancy, 12));
  });

  it('mergeWhatIf refuses gaps and shards of another study, naming the shard', async () => {
    const a = (await whatIf(smallScenario(), variations, { trajectories: 3 })) as WhatIfResult;
    const c = (await whatIf(smallScenario(), variations, { trajectories: 3, firstTrajectory: 4 })) as WhatIfResult;
    expect(() => mergeWhatIf([a, c])).toThrow(/parts\[1\]\.firstTrajectory/);
    expect(() => mergeWhatIf([a, { ...c, firstTrajectory: 3, seed: 99 }])).toThrow(/parts\[1\]: belongs to another study/);
  });

  it('a forecast error of ×1 without noise changes nothing; DLP planning with no demand at all sells like first come, first served', async () => {
    const r = (await whatIf(smallScenario(), [
      { name: 'exact', changes: [{ kind: 'forecast-error', bias: 1 }] },
      { name: 'blind', changes: [{ kind: 'forecast-error', bias: 0 }] },
      { name: 'fcfs', changes: [{ kind: 'policy', policy: { kind: 'fcfs' } }] },
      { name: 'noisy', changes: [{ kind: 'forecast-error', noise: 0.5, seed: 3 }] },
    ])) as WhatIfResult;
    const [exact, blind, fcfs, noisy] = r.variations;
    expect(exact!.values).toEqual(r.baseline.values);
    expect(exact!.policy).toMatch(/forecast exact$/);
    // bid prices of a network with no demand are 0: every request that fits is accepted
    expect(blind!.values.revenue).toEqual(fcfs!.values.revenue);
    expect(noisy!.policy).toMatch(/noise 0\.5/);
  });

  it('a history scenario without the records is a YieldInputError naming options.history', async () => {
    const s = { ...smallScenario(), demand: { source: 'history' as const, asOf: '2017-03-01', horizonDays: 7 } };
    await expect(whatIf(s, [])).rejects.toMatchObject({ path: 'options.history' });
  });
});
