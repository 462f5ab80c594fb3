import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readHotelBookingsCsv } from '../../src/history/readHotelBookingsCsv.js';
import { estimatePriceResponse } from '../../src/forecast/estimatePriceResponse.js';
import { estimatePriceResponseWithinNight } from '../../src/forecast/estimatePriceResponseWithinNight.js';
import { fitWithinNightResponse, type WithinNightEstimate } from '../../src/forecast/fitWithinNightResponse.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { mulberry32 } from '../../src/internal/rng.js';
import { expectInputError } from '../pricing/helpers.js';

/** Poisson draw by inversion of the cdf (λ ≤ ~200). */
function poisson(u: () => number, lambda: number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let F = p;
  const x = u();
  while (x > F && k < 10_000) {
    k++;
    p *= lambda / k;
    F += p;
  }
  return k;
}

/** Standard normal by Box–Muller. */
const normal = (u: () => number) => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

const ISO = (day: number) => new Date(Date.UTC(2016, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/**
 * Simulated bookings with a chosen response. Night n has a demand level α_n; the hotel prices it
 * knowing α_n (its base rate rises with demand: the endogeneity that fools a plain regression); each
 * lead-time band k has its own level γ_k and a rate = base × the band's usual markup × an exogenous
 * shock e^(0.12·z) (promotions, parity moves: not a response to the band's own demand). Bookings in
 * band k are Poisson(e^(α_n + γ_k) · h(p_nk)), h(p) = (p/100)^(−ε) or e^(−alpha·(p − 100)).
 */
function simulate(seed: number, opts: { nights?: number; elasticity?: number; alpha?: number } = {}): BookingRecord[] {
  const u = mulberry32(seed);
  const nights = opts.nights ?? 250;
  const bands = [
    { lo: 0, hi: 6, gamma: 0.2, markup: 1.1 },
    { lo: 7, hi: 29, gamma: 0.5, markup: 1.0 },
    { lo: 30, hi: 89, gamma: 0.1, markup: 0.92 },
    { lo: 90, hi: 200, gamma: -0.5, markup: 0.85 },
  ];
  const out: BookingRecord[] = [];
  for (let n = 0; n < nights; n++) {
    const alpha = Math.log(6) + 0.35 * normal(u);
    const base = 100 * Math.exp(0.6 * (alpha - Math.log(6)));
    bands.forEach((b, k) => {
      const p = Math.round(base * b.markup * Math.exp(0.12 * normal(u)) * 100) / 100;
      const h = opts.alpha !== undefined ? Math.exp(-opts.alpha * (p - 100)) : Math.pow(p / 100, -(opts.elasticity ?? 1.4));
      const q = poisson(u, Math.exp(alpha + b.gamma) * h);
      for (let i = 0; i < q; i++) {
        const lead = b.lo + Math.floor(u() * (b.hi - b.lo + 1));
        out.push({
          id: `${n}-${k}-${i}`,
          bookingDate: ISO(200 + n - lead),
          arrivalDate: ISO(200 + n),
          nights: 1,
          rooms: 1,
          segment: 'Transient',
          rate: p,
          status: 'stayed',
          statusDate: ISO(201 + n),
        });
      }
    });
  }
  return out;
}
const AS_OF = ISO(200 + 400);

describe('estimatePriceResponseWithinNight(records)', () => {
  it('recovers the elasticity of simulated bookings within its 95 % interval where the plain regression gets the sign wrong', () => {
    const records = simulate(2026);
    const plain = estimatePriceResponse(records, { asOf: AS_OF, control: 'none' })[0]!.fit!;
    expect(plain.status).toBe('wrong-sign'); // busy nights carry high rates: demand "rises" with price
    const [seg] = estimatePriceResponseWithinNight(records, { asOf: AS_OF });
    const fit = seg!.fit as WithinNightEstimate;
    expect(fit.status).toBe('ok');
    expect(fit.confidenceInterval[0]).toBeLessThanOrEqual(1.4);
    expect(fit.confidenceInterval[1]).toBeGreaterThanOrEqual(1.4);
    expect(fit.standardError).toBeLessThan(0.3); // informative, not a wide interval that covers anything
    expect(seg!.emptyCellShare).toBeLessThan(0.1);
    // band effects relative to the first band ('0-6d', γ = 0.2): 7–29 d +0.3, 30–89 d −0.1, 90 d+ −0.7
    expect(fit.alternativeEffects['7-29d']).toBeCloseTo(0.3, 0);
    expect(fit.alternativeEffects['90d+']).toBeCloseTo(-0.7, 0);
  });
  it('its 95 % interval covers the true elasticity in about 95 % of simulated histories (40 seeds)', () => {
    let covered = 0;
    const seeds = 40;
    for (let s = 0; s < seeds; s++) {
      const fit = estimatePriceResponseWithinNight(simulate(1000 + s, { nights: 120 }), { asOf: AS_OF })[0]!.fit as WithinNightEstimate;
      if (fit.confidenceInterval[0] <= 1.4 && 1.4 <= fit.confidenceInterval[1]) covered++;
    }
    // Binomial(40, 0.95): P(X ≤ 33) < 1 %; the seeds are fixed, so this is deterministic
    expect(covered).toBeGreaterThanOrEqual(34);
  });
  it('recovers an exponential response (alpha = 0.012 per euro) within its interval', () => {
    const fit = estimatePriceResponseWithinNight(simulate(7, { alpha: 0.012 }), { asOf: AS_OF, form: 'exponential' })[0]!.fit as WithinNightEstimate;
    expect(fit.status).toBe('ok');
    expect(fit.response?.kind).toBe('exponential');
    expect(fit.confidenceInterval[0]).toBeLessThanOrEqual(0.012);
    expect(fit.confidenceInterval[1]).toBeGreaterThanOrEqual(0.012);
  });
  it("reports 'insufficient-history' with too few nights, and bad options name the field", () => {
    const records = simulate(3, { nights: 10 });
    const fit = estimatePriceResponseWithinNight(records, { asOf: AS_OF })[0]!.fit;
    expect(fit.status).toBe('insufficient-history');
    expectInputError(() => estimatePriceResponseWithinNight(records, { asOf: 'soon' }), 'options.asOf');
    expectInputError(() => estimatePriceResponseWithinNight(records, { asOf: AS_OF, by: 'agent' as never }), 'options.by');
    expectInputError(() => estimatePriceResponseWithinNight(records, { asOf: AS_OF, leadTimeBands: [0, 30, 30] }), 'options.leadTimeBands[2]', 'unsorted');
    expectInputError(() => estimatePriceResponseWithinNight(records, { asOf: AS_OF, leadTimeBands: [3, 30] }), 'options.leadTimeBands[0]');
    expectInputError(() => estimatePriceResponseWithinNight(records, { asOf: AS_OF, form: 'linear' as never }), 'options.form');
  });
});

describe('fitWithinNightResponse(groups)', () => {
  it('recovers ε and the alternative effects exactly from noise-free expected bookings', () => {
    // q = e^(α_n + γ_k)·p^(−2) with γ_late = ln 1.5 and any night levels
    const cells = (lvl: number, pe: number, pl: number) => [
      { alternative: 'early', price: pe, quantity: lvl * pe ** -2 },
      { alternative: 'late', price: pl, quantity: 1.5 * lvl * pl ** -2 },
    ];
    const groups = [{ cells: cells(1e6, 80, 100) }, { cells: cells(3e6, 120, 110) }, { cells: cells(2e6, 90, 130) }];
    const fit = fitWithinNightResponse(groups, { minGroups: 2 }) as WithinNightEstimate;
    expect(fit.status).toBe('ok');
    expect(fit.sensitivity).toBeCloseTo(2, 9);
    expect(fit.alternativeEffects.late).toBeCloseTo(Math.log(1.5), 9);
    // level: the average night's demand with both alternatives at one price: mean(level)·(1 + 1.5)
    expect(fit.response).toEqual({ kind: 'constant-elasticity', a: expect.closeTo(2e6 * 2.5, 0), elasticity: expect.closeTo(2, 9) });
  });
  it("flags 'wrong-sign' when the split moves towards the dearer alternative", () => {
    // a's bookings rise with a's own price (b's price and bookings fixed): the estimate says ε < 0
    const groups = [80, 100, 120, 90].map((p) => ({ cells: [{ alternative: 'a', price: p, quantity: 10 * (p / 100) ** 1.5 }, { alternative: 'b', price: 100, quantity: 10 }] }));
    const fit = fitWithinNightResponse(groups, { minGroups: 2 });
    expect(fit.status).toBe('wrong-sign');
  });
  it("reports 'no-price-variation' when the prices move only with the alternative (nothing left once its effect is out)", () => {
    const groups = [1, 2, 3].map((n) => ({ cells: [{ alternative: 'a', price: 100, quantity: 5 * n }, { alternative: 'b', price: 120, quantity: 3 * n }] }));
    const fit = fitWithinNightResponse(groups, { minGroups: 2 });
    expect(fit).toMatchObject({ status: 'insufficient-history', reason: 'no-price-variation' });
  });
  it('bad input names the field', () => {
    expectInputError(() => fitWithinNightResponse([{ cells: [{ alternative: 'a', price: 0, quantity: 1 }] }]), 'groups[0].cells[0].price');
    expectInputError(() => fitWithinNightResponse([{ cells: [{ alternative: 'a', price: 10, quantity: -1 }] }]), 'groups[0].cells[0].quantity');
    expectInputError(() => fitWithinNightResponse([{ cells: [{ alternative: 'a', price: 10, quantity: 1 }, { alternative: 'a', price: 12, quantity: 1 }] }]), 'groups[0].cells[1].alternative', 'inconsistent');
    expectInputError(() => fitWithinNightResponse([], { confidence: 1 }), 'options.confidence');
  });
});

// the copy in the repository (data/hotel-bookings/) if present, else the shared one
const realFile = ['../../data/hotel-bookings/', '../../../shared/data/hotel-bookings/']
  .map((d) => fileURLToPath(new URL(`${d}hotel_bookings_until_2017-04-30.csv.gz`, import.meta.url)))
  .find((f) => existsSync(f)) ?? '';
describe.skipIf(realFile === '')('on the real hotel data (Antonio et al. 2019) — skipped when the data file is absent', () => {
  it("City Hotel, Online TA: the plain regression says 'wrong-sign', the within-night estimate a positive elasticity", () => {
    const { records } = readHotelBookingsCsv(gunzipSync(readFileSync(realFile)).toString('utf8'));
    const opts = { asOf: '2017-05-01', property: 'City Hotel' };
    const plain = estimatePriceResponse(records, opts).find((x) => x.segment === 'Online TA')!.fit!;
    expect(plain.status).toBe('wrong-sign');
    const within = estimatePriceResponseWithinNight(records, opts).find((x) => x.segment === 'Online TA')!;
    const fit = within.fit as WithinNightEstimate;
    expect(fit.status).toBe('ok');
    expect(fit.confidenceInterval[0]).toBeGreaterThan(0); // demand falls with price, significantly
    expect(within.emptyCellShare).toBeLessThan(0.15);
  });
});
