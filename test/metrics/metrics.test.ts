import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adr,
  averageDailyRate,
  deniedService,
  loadFactor,
  occupancyRate,
  revenueOpportunity,
  revpar,
  spillAndSpoilage,
  totalContribution,
  yieldPerAvailableUnit,
} from '../../src/metrics/index.js';
import { pathOf } from '../errorPath.js';


describe('occupancyRate / loadFactor', () => {
  it('reproduces the OCC base example of the Outperform RMS help: 30 of 100 rooms, 5 out of order', () => {
    // help.outperform-rms.com "OCC & RevPAR base": CAPA = 100, OoO = 5, RN = 30 → Occ 30 % on capacity,
    // 31.57 % on capacity − OoO (shown truncated to two decimals).
    expect(occupancyRate({ occupied: 30, capacity: 100 })).toBe(0.3);
    expect(Math.floor(occupancyRate({ occupied: 30, capacity: 100, outOfOrder: 5 }) * 10000) / 100).toBe(31.57);
  });

  it('loadFactor is occupancy under the airline name', () => {
    expect(loadFactor({ occupied: 162, capacity: 180 })).toBe(0.9);
  });

  it('throws for a zero capacity, more occupied than available, or all rooms out of order', () => {
    expect(pathOf(() => occupancyRate({ occupied: 0, capacity: 0 }))).toBe('capacity');
    expect(pathOf(() => occupancyRate({ occupied: 101, capacity: 100 }))).toBe('occupied');
    expect(pathOf(() => occupancyRate({ occupied: 0, capacity: 100, outOfOrder: 100 }))).toBe('outOfOrder');
    expect(pathOf(() => occupancyRate({ occupied: NaN, capacity: 100 }))).toBe('occupied');
  });
});

describe('ADR, RevPAR, yield per available unit', () => {
  it('RevPAR = ADR × occupancy: ADR 100 at 80 % occupancy of 100 rooms gives 80 (chatlyn.com glossary)', () => {
    expect(revpar({ revenue: 8000, capacity: 100 })).toBe(80);
    const a = averageDailyRate({ revenue: 8000, sold: 80 });
    expect(a).toEqual({ status: 'ok', value: 100 });
    expect(adr).toBe(averageDailyRate);
  });

  it('a night with nothing sold has no ADR (a status, not NaN)', () => {
    expect(averageDailyRate({ revenue: 0, sold: 0 })).toEqual({ status: 'not-defined', reason: 'nothing was sold' });
  });

  it('yield per available unit accepts a negative contribution but not a zero capacity', () => {
    expect(yieldPerAvailableUnit({ amount: -500, capacity: 100 })).toBe(-5);
    expect(pathOf(() => yieldPerAvailableUnit({ amount: 500, capacity: 0 }))).toBe('capacity');
    expect(pathOf(() => revpar({ revenue: 500, capacity: 10, outOfOrder: 10 }))).toBe('outOfOrder');
  });

  it('property: RevPAR = ADR × occupancy, on the same room base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (capacity, share, rate) => {
          const sold = Math.floor(share * capacity);
          const revenue = sold * rate;
          const a = averageDailyRate({ revenue, sold });
          const r = revpar({ revenue, capacity });
          const occ = occupancyRate({ occupied: sold, capacity });
          return a.status === 'ok' ? Math.abs(r - a.value * occ) <= 1e-9 * Math.max(1, r) : r === 0;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('totalContribution', () => {
  it('sums revenue and contribution per unit from the model, times units', () => {
    // By hand: 3 × (200·0.82 − 25) + 2 × (150 − 25) = 3 × 139 + 2 × 125 = 667; revenue 3·200 + 2·150 = 900.
    expect(
      totalContribution([
        { price: 200, units: 3, commission: 0.18, variableCost: 25 },
        { price: 150, units: 2, variableCost: 25 },
      ]),
    ).toEqual({ revenue: 900, contribution: 667, units: 5 });
    expect(totalContribution([])).toEqual({ revenue: 0, contribution: 0, units: 0 });
  });

  it('names the sale and field of bad input', () => {
    expect(pathOf(() => totalContribution([{ price: 100, units: 1 }, { price: NaN, units: 1 }]))).toBe('sales[1].price');
    expect(pathOf(() => totalContribution([{ price: 100, units: 0 }]))).toBe('sales[0].units');
    expect(pathOf(() => totalContribution([{ price: 100, units: 1, commission: 1.5 }]))).toBe('sales[0].commission');
  });
});

describe('spill, spoilage, denied service', () => {
  it('splits the rejected demand into spill (beyond capacity) and spoilage (left empty)', () => {
    expect(spillAndSpoilage({ capacity: 100, demand: 110, sold: 95 })).toEqual({ rejected: 15, spill: 10, spoilage: 5, empty: 5 });
    // A night that sold out: everything turned away is spill.
    expect(spillAndSpoilage({ capacity: 100, demand: 130, sold: 100 })).toEqual({ rejected: 30, spill: 30, spoilage: 0, empty: 0 });
    // Demand below capacity, control too tight: all spoilage.
    expect(spillAndSpoilage({ capacity: 100, demand: 90, sold: 70 })).toEqual({ rejected: 20, spill: 0, spoilage: 20, empty: 30 });
  });

  it('property: spill + spoilage = rejected, and each is ≥ 0', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (a, b, c) => {
        const [sold, x, y] = [a, b, c].sort((u, v) => u - v) as [number, number, number];
        const r = spillAndSpoilage({ capacity: x, demand: y, sold });
        const r2 = spillAndSpoilage({ capacity: y, demand: x, sold });
        return [r, r2].every((s) => s.spill >= 0 && s.spoilage >= 0 && s.spill + s.spoilage === s.rejected);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects sales above capacity or demand', () => {
    expect(pathOf(() => spillAndSpoilage({ capacity: 100, demand: 120, sold: 101 }))).toBe('sold');
    expect(pathOf(() => spillAndSpoilage({ capacity: 100, demand: 50, sold: 60 }))).toBe('sold');
  });

  it('counts denied service and its rate; no shows gives no rate', () => {
    expect(deniedService({ capacity: 180, shows: 183 })).toEqual({ denied: 3, served: 180, rate: { status: 'ok', value: 3 / 183 } });
    expect(deniedService({ capacity: 180, shows: 150 }).denied).toBe(0);
    expect(deniedService({ capacity: 180, shows: 0 }).rate.status).toBe('not-defined');
  });
});

describe('revenueOpportunity (Smith, Leimkuhler & Darrow 1992)', () => {
  it('scores nested limits on a deterministic demand against FCFS and perfect hindsight, all by hand', () => {
    // Fares 1000/800/600/200, demand 25/30/20/50 arriving cheapest first, capacity 100.
    // Perfect hindsight fills 100 from the top: 25·1000 + 30·800 + 20·600 + 25·200 = 66,000.
    // No control (FCFS, cheapest first): 50·200 + 20·600 + 30·800 = 46,000, class 1 finds nothing.
    // Nested limits (100, 70, 45, 32) earned 59,200 (see test/control/decide.test.ts).
    // Share = (59,200 − 46,000) / (66,000 − 46,000) = 0.66.
    expect(revenueOpportunity({ realised: 59200, noControl: 46000, perfect: 66000 })).toEqual({
      opportunity: 20000,
      achieved: 13200,
      share: { status: 'ok', value: 0.66 },
    });
  });

  it('a control worse than none has a negative share', () => {
    const r = revenueOpportunity({ realised: 40000, noControl: 46000, perfect: 66000 });
    expect(r.share).toEqual({ status: 'ok', value: -0.3 });
  });

  it('no opportunity (perfect = no control) is a status, not a division by zero', () => {
    const r = revenueOpportunity({ realised: 30000, noControl: 30000, perfect: 30000 });
    expect(r.opportunity).toBe(0);
    expect(r.share.status).toBe('not-defined');
  });

  it('rejects a realised or no-control revenue above perfect hindsight, and NaN', () => {
    expect(pathOf(() => revenueOpportunity({ realised: 70000, noControl: 46000, perfect: 66000 }))).toBe('realised');
    expect(pathOf(() => revenueOpportunity({ realised: 50000, noControl: 67000, perfect: 66000 }))).toBe('noControl');
    expect(pathOf(() => revenueOpportunity({ realised: NaN, noControl: 46000, perfect: 66000 }))).toBe('realised');
  });

  it('property: the share is 1 at perfect hindsight, 0 at no control, and scale-free', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (noControl, gap, k) => {
          const perfect = noControl + gap;
          const one = revenueOpportunity({ realised: perfect, noControl, perfect }).share;
          const zero = revenueOpportunity({ realised: noControl, noControl, perfect }).share;
          const mid = revenueOpportunity({ realised: noControl + gap / 2, noControl, perfect }).share;
          const scaled = revenueOpportunity({ realised: k * (noControl + gap / 2), noControl: k * noControl, perfect: k * perfect }).share;
          return (
            one.status === 'ok' && Math.abs(one.value - 1) < 1e-9 &&
            zero.status === 'ok' && Math.abs(zero.value) < 1e-9 &&
            mid.status === 'ok' && scaled.status === 'ok' && Math.abs(mid.value - scaled.value) < 1e-9
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
