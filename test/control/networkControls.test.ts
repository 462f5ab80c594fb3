import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bidPriceControls,
  bookingState,
  compileControls,
  createBidPriceDecider,
  decide,
  decideBidPrice,
  dynamicBidPriceControls,
  nestedLimitControls,
  nestedLimitState,
  networkBookingState,
  recordSale,
  resourceNestedLimitControls,
  type Controls,
} from '../../src/control/index.js';
import type { Network } from '../../src/model/index.js';
import { dpDecomposition } from '../../src/optimize/network/dpDecomposition.js';
import { lagrangianRelaxation } from '../../src/optimize/network/lagrangianRelaxation.js';
import { tinyProcess } from '../simulate/tinyNetworks.js';
import { pathOf } from '../errorPath.js';

const twoLegs: Network = {
  resources: [
    { id: 'AB', capacity: 100 },
    { id: 'BC', capacity: 120 },
  ],
  products: [
    { id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 70 },
    { id: 'AB-Y', fare: 160, resources: ['AB'], demand: 40 },
  ],
};

describe("decide with bid-price controls reads the request's own value", () => {
  const c = bidPriceControls(twoLegs, { AB: 150, BC: 120 });
  const s = networkBookingState(c);

  it('judges a discounted request at its own value, not at the list fare (hurdle 270)', () => {
    expect(decide({ product: 'AC' }, s, c)).toMatchObject({ accept: true, reason: 'accepted', value: 300, hurdle: 270 });
    expect(decide({ product: 'AC', value: 250 }, s, c)).toMatchObject({ accept: false, reason: 'below-bid-price', value: 250, hurdle: 270 });
    expect(decide({ product: 'AC', value: 280, segment: 'Corporate', customer: 'acme' }, s, c)).toMatchObject({ accept: true, value: 280 });
    // a value that adds future value on top of a low fare may clear a hurdle the fare alone does not
    expect(decide({ product: 'AB-Y' }, s, c).accept).toBe(true);
    expect(decide({ product: 'AB-Y', value: 149 }, s, c).accept).toBe(false);
  });

  it('applies the tie rule at value = Σ bid prices, per unit for a group', () => {
    const acc = bidPriceControls(twoLegs, { AB: 150, BC: 120 }, { ties: 'accept' });
    const rej = bidPriceControls(twoLegs, { AB: 150, BC: 120 }, { ties: 'reject' });
    expect(decide({ product: 'AC', value: 270, quantity: 5 }, networkBookingState(acc), acc).reason).toBe('tie-accepted');
    expect(decide({ product: 'AC', value: 270, quantity: 5 }, networkBookingState(rej), rej).reason).toBe('tie-rejected');
  });

  it('with an allocation of 4.5 and ties: allocation, sells 5 tied units through decide and recordSale, then stops', () => {
    const c2 = bidPriceControls(twoLegs, { AB: 150, BC: 150 }, { ties: 'allocation', allocation: { AC: 4.5, 'AB-Y': 0 } });
    const st = networkBookingState(c2);
    let sold = 0;
    for (let k = 0; k < 8; k++) {
      const d = decide({ product: 'AC' }, st, c2);
      if (!d.accept) {
        expect(d.reason).toBe('allocation-exhausted');
        break;
      }
      recordSale(st, c2, 'AC');
      sold++;
    }
    expect(sold).toBe(5);
  });

  it('rejects a negative, NaN or infinite value naming request.value, and ignores value under nested limits', () => {
    expect(pathOf(() => decide({ product: 'AC', value: -1 }, s, c))).toBe('request.value');
    expect(pathOf(() => decide({ product: 'AC', value: Number.NaN }, s, c))).toBe('request.value');
    expect(pathOf(() => decide({ product: 'AC', value: Infinity }, s, c))).toBe('request.value');
    expect(pathOf(() => decide({ product: 'AC', value: '300' as never }, s, c))).toBe('request.value');
    expect(pathOf(() => decide({ product: 'XX' }, s, c))).toBe('request.product');
    expect(pathOf(() => decide({ product: 'AC', quantity: 1.5 }, s, c))).toBe('request.quantity');
    const n = nestedLimitControls([10, 3]);
    const ns = nestedLimitState(n, { sold: [0, 3] });
    expect(decide({ product: 1, value: 1e6 }, ns, n).reason).toBe('class-limit');
  });
});

/** A random network (from the tiny processes), bid prices on a grid of 10 so that ties occur, and a state. */
const arbitraryCase = fc
  .record({
    seed: fc.integer({ min: 1, max: 10_000 }),
    prices: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
    held: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
    productSold: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
    allocation: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 5, maxLength: 5 }),
    ties: fc.constantFrom('accept', 'reject', 'allocation' as const),
    product: fc.integer({ min: 0, max: 4 }),
    quantity: fc.integer({ min: 1, max: 3 }),
    valueKind: fc.constantFrom('fare', 'hurdle', 'random' as const),
    value: fc.integer({ min: 0, max: 120 }),
  })
  .map((r) => {
    const net = tinyProcess(r.seed).network;
    const m = net.resources.length;
    const n = net.products.length;
    const prices = Object.fromEntries(net.resources.map((x, i) => [x.id, r.prices[i]! * 10]));
    const allocation = Object.fromEntries(net.products.map((p, j) => [p.id, r.allocation[j]! / 2]));
    const controls = bidPriceControls(net, prices, { ties: r.ties, allocation });
    const held = net.resources.map((x, i) => Math.min(x.capacity, r.held[i]!));
    const productSold = Object.fromEntries(net.products.map((p, j) => [p.id, r.productSold[j]!]));
    const j = r.product % n;
    const hurdle = net.products[j]!.resources.reduce((a, id) => a + prices[id]!, 0);
    const value = r.valueKind === 'fare' ? undefined : r.valueKind === 'hurdle' ? hurdle : r.value;
    return { net, m, controls, held, productSold, j, q: r.quantity, value, hurdle };
  });

describe('decideBidPrice, createBidPriceDecider and decide give one verdict', () => {
  it('on random networks, states, tie rules, allocations and values (property)', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ net, controls, held, productSold, j, q, value }) => {
        const id = net.products[j]!.id;
        const state = networkBookingState(controls, { sold: held, productSold });
        const d = decide({ product: id, quantity: q, ...(value === undefined ? {} : { value }) }, state, controls);
        const e = decideBidPrice(
          { product: id, quantity: q, ...(value === undefined ? {} : { value }) },
          { sold: Object.fromEntries(net.resources.map((x, i) => [x.id, held[i]!])), productSold },
          controls,
        );
        const e2 = decideBidPrice({ product: id, quantity: q, ...(value === undefined ? {} : { value }) }, state, controls);
        const remaining = net.resources.map((x, i) => x.capacity - held[i]!);
        const h = createBidPriceDecider(controls).decide(j, q, value ?? net.products[j]!.fare, remaining, Array.from(state.productSold));
        expect(e.accept).toBe(d.accept);
        expect(e.reason).toBe(d.reason);
        expect(e2.reason).toBe(d.reason);
        expect(h.reason).toBe(d.reason);
        expect(e.hurdle).toBeCloseTo(d.hurdle, 9);
        expect(e.explanation.startsWith(d.accept ? 'accept' : 'reject')).toBe(true);
        // and the verdict is the textbook rule, stated independently here
        const room = net.products[j]!.resources.every((r) => remaining[net.resources.findIndex((x) => x.id === r)]! >= q);
        const v = value ?? net.products[j]!.fare;
        if (!room) expect(d.reason).toBe('sold-out');
        else if (v > d.hurdle + 1e-6) expect(d.reason).toBe('accepted');
        else if (v < d.hurdle - 1e-6) expect(d.reason).toBe('below-bid-price');
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

/** Every state of every leg (0 … cap), as arrays. */
function allStates(caps: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const c of caps) out = out.flatMap((x) => Array.from({ length: c + 1 }, (_, k) => [...x, k]));
  return out;
}

describe('dynamic bid-price controls agree with the optimiser that built the tables', () => {
  it("dpDecomposition: decide's verdict equals dp.accept in every period, state and product, at the fare and at other values", async () => {
    for (const seed of [3, 17, 2024, 77]) {
      const process = tinyProcess(seed);
      const dp = await dpDecomposition(process);
      if (dp.status !== 'ok') throw new Error('dp failed');
      const c = dynamicBidPriceControls(process.network, dp);
      const caps = process.network.resources.map((r) => r.capacity);
      const values = [undefined, 0, 15, 55];
      for (let t = 0; t < process.periods; t++)
        for (const x of allStates(caps)) {
          const state = networkBookingState(c, { sold: caps.map((cap, i) => cap - x[i]!), period: t });
          for (let j = 0; j < process.network.products.length; j++)
            for (const v of values) {
              const d = decide({ product: j, ...(v === undefined ? {} : { value: v }) }, state, c);
              expect(d.accept, `seed ${seed} t ${t} x ${x} j ${j} v ${v}`).toBe(dp.accept(j, t, x, v));
              if (d.hurdle !== Infinity) expect(d.hurdle).toBeCloseTo(dp.hurdle(j, t, x), 9);
            }
        }
    }
  });

  it('lagrangianRelaxation, re-solved from a later period with fewer units: same agreement, and q units pay q bid prices', async () => {
    for (const seed of [5, 99]) {
      const process = tinyProcess(seed);
      const start = 1;
      const left = process.network.resources.map((r) => Math.max(0, r.capacity - 1));
      const lr = lagrangianRelaxation(process, { iterations: 20, startPeriod: start, capacity: left });
      const c = dynamicBidPriceControls(process.network, lr);
      expect(c.startPeriod).toBe(start);
      for (let t = start; t < process.periods; t++)
        for (const x of allStates(left)) {
          const state = networkBookingState(c, { sold: process.network.resources.map((r, i) => r.capacity - x[i]!), period: t });
          for (let j = 0; j < process.network.products.length; j++) {
            expect(decide({ product: j }, state, c).accept).toBe(lr.accept(j, t, x));
            const d2 = decide({ product: j, quantity: 2 }, state, c);
            const h2 = lr.hurdle(j, t, x, 2);
            if (h2 === Infinity) expect(d2.reason).toBe('sold-out');
            else expect(d2.hurdle * 2).toBeCloseTo(h2, 9);
          }
        }
      // a state period outside the tables is refused by decide, naming state.period
      const s = networkBookingState(c, { period: start });
      s.period = 0;
      expect(pathOf(() => decide({ product: 0 }, s, c))).toBe('state.period');
    }
  });
});

describe('resourceNestedLimitControls (nested limits on every night of a stay), by hand', () => {
  // Fri: 10 rooms, one class; Sat: 10 rooms, BAR (class 0) up to 10, promo (class 1) up to 4 held
  const c = resourceNestedLimitControls(
    {
      resources: [
        { id: 'Fri', capacity: 10 },
        { id: 'Sat', capacity: 10 },
      ],
      products: [
        { id: 'weekend-BAR', fare: 300, resources: ['Fri', 'Sat'], demand: 5, classes: [0, 0] },
        { id: 'sat-promo', fare: 90, resources: ['Sat'], demand: 9, classes: [1] },
        { id: 'weekend-promo', fare: 200, resources: ['Fri', 'Sat'], demand: 3, classes: [0, 1] },
      ],
    },
    { Fri: [10], Sat: [10, 4.7] },
  );

  it('sells a class while every night it uses has room under its limit (held + q ≤ b_c), ⌊b⌋ for a fractional limit', () => {
    const s = networkBookingState(c, { sold: { Sat: 2 } });
    expect(decide({ product: 'sat-promo', quantity: 2 }, s, c)).toMatchObject({ accept: true, available: 2, bindingLimit: 1 });
    expect(decide({ product: 'sat-promo', quantity: 3 }, s, c)).toMatchObject({ accept: false, reason: 'class-limit' });
    expect(decide({ product: 'weekend-promo', quantity: 3 }, s, c).reason).toBe('class-limit');
    expect(decide({ product: 'weekend-BAR', quantity: 8 }, s, c).accept).toBe(true);
    expect(decide({ product: 'weekend-BAR', quantity: 9 }, s, c)).toMatchObject({ accept: false, reason: 'sold-out', available: 8 });
  });

  it('counts every unit held on a night, whichever class sold it (nesting), and cancellations reopen the class', () => {
    const s = bookingState(c);
    recordSale(s, c, 'weekend-BAR', 3); // Sat holds 3 (BAR)
    expect(decide({ product: 'sat-promo', quantity: 2 }, s, c).reason).toBe('class-limit'); // 3 + 2 > 4
    expect(decide({ product: 'sat-promo' }, s, c).accept).toBe(true);
    // the Friday night binds the two-night stay once it is full
    recordSale(s, c, 'weekend-BAR', 7);
    expect(decide({ product: 'weekend-BAR' }, s, c)).toMatchObject({ accept: false, reason: 'sold-out', bindingLimit: 0 });
  });

  it('refuses limits that increase, a class beyond the limits of a night, and a missing night', () => {
    const n = { resources: [{ id: 'N', capacity: 5 }], products: [{ id: 'P', fare: 1, resources: ['N'], demand: 1, classes: [1] }] };
    expect(pathOf(() => resourceNestedLimitControls(n, { N: [5, 6] }))).toBe('limits.N[1]');
    expect(pathOf(() => resourceNestedLimitControls(n, { N: [5] }))).toBe('network.products[0].classes[0]');
    expect(pathOf(() => resourceNestedLimitControls(n, {}))).toBe('limits.N');
    expect(pathOf(() => resourceNestedLimitControls(n, { N: [5, 2], M: [1] }))).toBe('limits.M');
  });
});

describe('every control family survives a JSON round trip through compileControls', () => {
  it('nested limits, bid prices (with allocation and ties), dynamic bid prices and nested limits per resource decide alike after JSON', async () => {
    const process = tinyProcess(11);
    const net = process.network;
    const dp = await dpDecomposition(process);
    if (dp.status !== 'ok') throw new Error('dp failed');
    const families: Controls[] = [
      nestedLimitControls([6, 4, 1], { classIds: ['Y', 'M', 'Q'] }),
      bidPriceControls(net, Object.fromEntries(net.resources.map((r, i) => [r.id, 10 * (i + 1)])), {
        ties: 'allocation',
        allocation: Object.fromEntries(net.products.map((p, j) => [p.id, j + 0.5])),
        tolerance: 1e-6,
      }),
      dynamicBidPriceControls(net, dp),
      resourceNestedLimitControls(
        { resources: net.resources, products: net.products.map((p, j) => ({ ...p, classes: p.resources.map(() => j % 2) })) },
        Object.fromEntries(net.resources.map((r) => [r.id, [r.capacity, Math.max(0, r.capacity - 1)]])),
      ),
    ];
    for (const c of families) {
      const back = compileControls(JSON.parse(JSON.stringify(c)));
      expect(back.kind).toBe(c.kind);
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(c)));
      const nP = c.kind === 'nested-limits' ? c.limits.length : c.productIds.length;
      const caps = c.kind === 'nested-limits' ? [c.limits[0]!] : Array.from(c.capacity);
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), fc.nat({ max: nP - 1 }), fc.integer({ min: 1, max: 2 }), (h, j, q) => {
          const sold = caps.map((cap, i) => h[i]! % (cap + 1));
          const make = (x: Controls) =>
            x.kind === 'nested-limits'
              ? nestedLimitState(x, { sold: [0, 0, sold[0]!] })
              : networkBookingState(x, { sold, ...(x.kind === 'dynamic-bid-prices' ? { period: x.startPeriod } : {}) });
          const a = decide({ product: j, quantity: q }, make(c), c);
          const b = decide({ product: j, quantity: q }, make(back), back);
          expect(b).toEqual(a);
        }),
        { seed: 42, numRuns: 60 },
      );
    }
  });

  it('names the field of a bad spec under controls', () => {
    expect(pathOf(() => compileControls({ kind: 'teleport' } as never))).toBe('controls.kind');
    const c = JSON.parse(JSON.stringify(bidPriceControls(twoLegs, { AB: 1, BC: 2 })));
    c.bidPrices.AB = -5;
    expect(pathOf(() => compileControls(c))).toBe('controls.bidPrices.AB');
  });
});
