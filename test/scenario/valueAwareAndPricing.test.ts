import { describe, expect, it } from 'vitest';
import { parseScenario, parseVariations, whatIf, type Variation, type WhatIfResult } from '../../src/scenario/index.js';
import { smallScenario } from './fixtures.js';

describe('whatIf with value-aware acceptance and dynamic rates (issues 10 and 11)', () => {
  it('compares DLP bid prices with and without the future value a refusal would lose, on the same demand', async () => {
    const base = smallScenario();
    // Business guests are worth 300 a room in future stays; value-aware DLP judges them at contribution + 300
    const scenario = parseScenario({
      ...base,
      hotel: { ...base.hotel, segments: { ...base.hotel.segments, Business: { ...base.hotel.segments.Business!, futureValue: 300 } } },
      demand: { ...base.demand, products: (base.demand as { products: object[] }).products.map((p) => ({ ...p, demand: (p as { demand: number }).demand * 2 })) },
    });
    const variations: Variation[] = parseVariations([
      { name: 'value-aware DLP', changes: [{ kind: 'policy', policy: { kind: 'dlp', options: { valueAware: true } } }] },
    ]);
    const r = (await whatIf(scenario, variations)) as WhatIfResult;
    expect(r.status).toBe('ok');
    const plain = r.baseline;
    const aware = r.variations[0]!;
    // demand doubled: rooms are scarce, so the plain DLP turns some business away; the value-aware one keeps more of their future value
    expect(aware.metrics.futureValueKept!.mean).toBeGreaterThan(plain.metrics.futureValueKept!.mean);
    expect(aware.metrics.futureValueLost!.mean).toBeLessThanOrEqual(plain.metrics.futureValueLost!.mean);
    // contribution now can only be given up for future value, never gained beyond the plain plan's bound
    expect(Number.isFinite(aware.metrics.contribution.mean)).toBe(true);
  });
  it('accepts the dynamic-pricing policy in a scenario and runs it beside fixed rates + bid prices', async () => {
    const variations = parseVariations([{ name: 'dynamic rates', changes: [{ kind: 'policy', policy: { kind: 'dynamic-pricing' } }] }]);
    const r = (await whatIf(smallScenario(), variations)) as WhatIfResult;
    expect(r.status).toBe('ok');
    expect(r.variations[0]!.metrics.revenue.n).toBe(smallScenario().simulation!.trajectories);
  });
});
