/**
 * The public API contract of ../shared/DESIGN.md, called exactly as written there, through the package
 * root. If a rename or a shape change breaks a user's call, this file fails first.
 */
import { describe, expect, it } from 'vitest';
import * as yc from '../src/index.js';

const normal = (mean: number, sd: number) => ({ kind: 'normal', mean, sd }) as const;

describe('the DESIGN.md contract, called as users call it', () => {
  it('single resource: littlewood, emsrA, emsrB, bookingLimits, fareTransformation, optimalProtectionLevels', () => {
    const classes = [
      { id: 'Y', fare: 1050, demand: normal(17.3, 5.8) },
      { id: 'B', fare: 567, demand: normal(45.1, 15.0) },
      { id: 'M', fare: 534, demand: normal(39.6, 13.2) },
      { id: 'Q', fare: 520, demand: normal(34.0, 11.3) },
    ];
    const y = yc.littlewood(normal(17.3, 5.8), 1050, 567);
    expect(y).toBeGreaterThan(0);
    const a = yc.emsrA(classes).protectionLevels;
    const b = yc.emsrB(classes, { rounding: 'nearest' }).protectionLevels;
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(3);
    const limits = yc.bookingLimits(b, 100);
    expect(limits).toHaveLength(4);
    expect(limits[0]).toBe(100);
    const ft = yc.fareTransformation(classes);
    expect(ft.adjustedFares).toHaveLength(4);
    expect(ft.efficient).toHaveLength(4);
    const opt = yc.optimalProtectionLevels(
      classes.map((c) => ({ fare: c.fare, demand: { kind: 'poisson', mean: c.demand.mean } as const })),
      100,
    );
    expect(opt.protectionLevels).toHaveLength(3);
    expect(opt.expectedRevenue).toBeGreaterThan(0);
  });

  it('dynamicProgram: value, bidPrice = V_{t−1}(x) − V_{t−1}(x−1), accept ⇔ fare ≥ bid price', () => {
    const dp = yc.dynamicProgram({ capacity: 5, fares: [200, 100], arrivalProbabilities: [0.2, 0.5], periods: 20 });
    expect(dp.expectedRevenue).toBeCloseTo(dp.value(20, 5), 9);
    expect(dp.bidPrice(20, 5)).toBeCloseTo(dp.value(19, 5) - dp.value(19, 4), 9);
    expect(dp.accept(20, 5, 1)).toBe(100 >= dp.bidPrice(20, 5));
    expect(dp.value(0, 5)).toBe(0);
  });

  it('overbookingLimit: binomial and Poisson no-show models', () => {
    const r1 = yc.overbookingLimit({ capacity: 100, fare: 150, deniedServiceCost: 400, showUp: { kind: 'binomial', probability: 0.9 } });
    const r2 = yc.overbookingLimit({ capacity: 100, fare: 150, deniedServiceCost: 400, showUp: { kind: 'poisson-no-shows', mean: 8 } });
    expect(r1.authorized).toBeGreaterThanOrEqual(100);
    expect(r2.authorized).toBeGreaterThanOrEqual(100);
  });

  it('dlp(network) → status, objective, allocation and bid prices by id', async () => {
    const network = {
      resources: [{ id: 'AB', capacity: 10 }, { id: 'BC', capacity: 5 }],
      products: [
        { id: 'AB-Y', fare: 100, resources: ['AB'], demand: 8 },
        { id: 'AC-Y', fare: 180, resources: ['AB', 'BC'], demand: { kind: 'poisson', mean: 6 } as const },
        { id: 'BC-Y', fare: 90, resources: ['BC'], demand: 4 },
      ],
    };
    const r = await yc.dlp(network);
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    // Solved by hand: with x = AC-Y sales, revenue is 1250 + 90x on [1, 2] and 1450 − 10x on [2, 5], so
    // x = 2, AB-Y = 8, BC-Y = 3, objective 1,430. BC-Y and AC-Y are strictly inside their bounds, so
    // π_BC = 90 and π_AB + π_BC = 180: the duals are unique, (90, 90).
    expect(r.objective).toBeCloseTo(1430, 6);
    expect(r.allocation['AC-Y']).toBeCloseTo(2, 6);
    expect(r.allocation['AB-Y']).toBeCloseTo(8, 6);
    expect(r.allocation['BC-Y']).toBeCloseTo(3, 6);
    expect(r.bidPrices.AB).toBeCloseTo(90, 6);
    expect(r.bidPrices.BC).toBeCloseTo(90, 6);
    expect(Object.keys(r.bidPrices).sort()).toEqual(['AB', 'BC']);
  });

  it('readHotelBookingsCsv, historyAsOf and forecastOccupancy take the documented shapes', () => {
    const header =
      'hotel,is_canceled,lead_time,arrival_date_year,arrival_date_month,arrival_date_week_number,arrival_date_day_of_month,stays_in_weekend_nights,stays_in_week_nights,adults,children,babies,meal,country,market_segment,distribution_channel,is_repeated_guest,previous_cancellations,previous_bookings_not_canceled,reserved_room_type,assigned_room_type,booking_changes,deposit_type,agent,company,days_in_waiting_list,customer_type,adr,required_car_parking_spaces,total_of_special_requests,reservation_status,reservation_status_date';
    const row =
      'City Hotel,0,10,2016,March,10,5,1,2,2,0,0,BB,PRT,Online TA,TA/TO,0,0,0,A,A,0,No Deposit,9,NULL,0,Transient,100.5,0,1,Check-Out,2016-03-08';
    const { records, rejected } = yc.readHotelBookingsCsv(`${header}\n${row}\n`);
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.bookingDate).toBe('2016-02-24');
    expect(records[0]!.nights).toBe(3);
    expect(yc.historyAsOf(records, '2016-02-24')).toHaveLength(0);
    expect(yc.historyAsOf(records, '2016-02-25')[0]!.status).toBe('active');
    const f = yc.forecastOccupancy(records, { asOf: '2016-03-01', horizonDays: 14 });
    expect(['ok', 'insufficient-history']).toContain(f.status);
    expect(Array.isArray(f.nights)).toBe(true);
  });
});

describe('bad input to the contract functions throws YieldInputError naming the field', () => {
  const expectField = (fn: () => unknown, field: RegExp) => {
    let err: unknown;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(yc.YieldInputError);
    expect((err as yc.YieldInputError).path).toMatch(field);
  };
  const ok = { fare: 100, demand: normal(10, 3) };

  it('single resource', () => {
    expectField(() => yc.littlewood(normal(10, Number.NaN), 100, 50), /sd/);
    expectField(() => yc.littlewood(normal(10, 2), Number.POSITIVE_INFINITY, 50), /highFare/);
    expectField(() => yc.emsrB([]), /classes/);
    expectField(() => yc.emsrB([{ fare: 50, demand: normal(1, 1) }, ok]), /classes\[1\]\.fare/);
    expectField(() => yc.emsrA([ok, { fare: 50, demand: normal(1, -1) }]), /classes\[1\]\.demand\.sd/);
    expectField(() => yc.bookingLimits([10], -1), /capacity/);
    expectField(() => yc.optimalProtectionLevels([ok, { fare: 50, demand: { kind: 'poisson', mean: Number.NaN } }], 10), /classes\[1\]\.demand\.mean/);
    expectField(
      () => yc.dynamicProgram({ capacity: 5, fares: [100, 50], arrivalProbabilities: [0.7, 0.6], periods: 3 }),
      /arrivalProbabilities/,
    );
    expectField(
      () => yc.dynamicProgram({ capacity: 5, fares: [100, 50], arrivalProbabilities: [0.2, 1.5], periods: 3 }),
      /arrivalProbabilities/,
    );
  });

  it('overbooking', () => {
    expectField(
      () => yc.overbookingLimit({ capacity: 100, fare: 100, deniedServiceCost: 300, showUp: { kind: 'binomial', probability: 1.2 } }),
      /showUp\.probability/,
    );
    expectField(
      () => yc.overbookingLimit({ capacity: -3, fare: 100, deniedServiceCost: 300, showUp: { kind: 'binomial', probability: 0.9 } }),
      /capacity/,
    );
  });

  it('network and history', async () => {
    await expect(
      yc.dlp({ resources: [{ id: 'A', capacity: 1 }], products: [{ id: 'p', fare: 1, resources: ['B'], demand: 1 }] }),
    ).rejects.toThrow(/products\[0\]\.resources\[0\]/);
    await expect(
      yc.dlp({ resources: [{ id: 'A', capacity: 1 }], products: [{ id: 'p', fare: Number.NaN, resources: ['A'], demand: 1 }] }),
    ).rejects.toThrow(/products\[0\]\.fare/);
    expectField(() => yc.historyAsOf([], '2016-13-45'), /asOf/);
  });
});

describe('the DESIGN.md pricing contract', () => {
  it('optimalPrice on linear demand: p* = (a/b + c)/2 (Phillips 2005, ch. 3: d = 10,000 − 800p, c = 5 → 8.75)', () => {
    const r = yc.optimalPrice({ kind: 'linear', a: 10_000, b: 800 }, { unitCost: 5 });
    expect(r.price).toBeCloseTo(8.75, 9);
    expect(r.demand).toBeCloseTo(3000, 6);
    expect(r.contribution).toBeCloseTo(3.75 * 3000, 6);
    expect(r.revenue).toBeCloseTo(8.75 * 3000, 6);
  });

  it('segmentPrices shares capacity between fenced segments and honours price order', async () => {
    const r = await yc.segmentPrices(
      [
        { id: 'business', response: { kind: 'linear', a: 100, b: 0.5 } },
        { id: 'leisure', response: { kind: 'linear', a: 200, b: 2 } },
      ],
      { capacity: 1e9, noHigherThan: [['leisure', 'business']] },
    );
    // Unconstrained by capacity each segment is priced at a/(2b): 100 and 50 (leisure ≤ business holds)
    expect(r.prices.business).toBeCloseTo(100, 6);
    expect(r.prices.leisure).toBeCloseTo(50, 6);
    expect(r.revenue).toBeCloseTo(100 * 50 + 50 * 100, 4);
  });

  it('gallegoVanRyzin: one unit left, J*(1, t) = (1/α)·ln(1 + λ*·t), λ* = a/e (Gallego & van Ryzin 1994)', () => {
    const g = yc.gallegoVanRyzin({ a: 10, alpha: 0.02, inventory: 1, horizon: 2 });
    expect(g.expectedRevenue).toBeCloseTo((1 / 0.02) * Math.log(1 + (10 / Math.E) * 2), 9);
    expect(g.expectedRevenue).toBeLessThanOrEqual(g.deterministicBound + 1e-9);
    expect(g.price(1, 2)).toBeGreaterThan(0);
  });

  it('dynamicPricing: one unit, one period, picks the price with the larger expected revenue', () => {
    const r = yc.dynamicPricing({ inventory: 1, periods: 1, prices: [100, 50], purchaseProbabilities: [0.3, 0.8] });
    expect(r.expectedRevenue).toBeCloseTo(40, 12); // max(0.3·100, 0.8·50)
    expect(r.price(1, 1)).toBe(50);
  });

  it('mnlAssortment offers the revenue-ordered set (Talluri & van Ryzin 2004b)', () => {
    const r = yc.mnlAssortment({ products: [{ price: 60, weight: 1 }, { price: 100, weight: 1 }, { price: 20, weight: 2 }], noPurchaseWeight: 1 });
    // {100}: 50; {100, 60}: 160/3 ≈ 53.3; {100, 60, 20}: 200/5 = 40
    expect([...r.offered].sort()).toEqual([0, 1]);
    expect(r.revenue).toBeCloseTo(160 / 3, 12);
  });

  it('rateLadder({ nights, ladder, bidPrices, buyProbability, guardRails? }): the BAR per date × LOS from bid prices', () => {
    // two-night stay, bid prices 60 + 90: E = 50·0.9, 110·0.6, 170·0.3 → 130 per night
    const r = yc.rateLadder({ nights: ['2026-03-14', '2026-03-15'], ladder: [100, 130, 160], bidPrices: [60, 90], buyProbability: [0.9, 0.6, 0.3], lengthsOfStay: [2], guardRails: { floor: 100 } });
    expect(r.status).toBe('ok');
    expect(r.rate('2026-03-14', 2)).toBe(130);
    expect(r.rows[0]!.bidPriceSum).toBe(150);
  });
});
