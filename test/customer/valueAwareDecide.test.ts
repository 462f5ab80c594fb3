/**
 * Value-aware acceptance through the one booking path: `requestValue` (customer side) feeds `decide`'s
 * bid-price verdict. Properties of issue 10: never beyond capacity; with zero future value it is plain
 * bid-price control on every request; and the reasoning shows both parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bidPriceControls,
  createDecision,
  decide,
  networkBookingState,
  recordSale,
} from '../../src/control/index.js';
import type { Network } from '../../src/model/index.js';
import {
  createValueBreakdown,
  explainValueAware,
  requestValue,
  valueAtRiskTable,
} from '../../src/customer/index.js';

const ACCOUNTS = ['company:40', 'company:7', 'agent:9', 'agent:28'];

const arbCase = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 }),
    products: fc.array(
      fc.record({
        fare: fc.integer({ min: 0, max: 400 }),
        uses: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        allocation: fc.integer({ min: 0, max: 20 }).map((x) => x / 2),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    prices: fc.array(fc.integer({ min: 0, max: 250 }), { minLength: 3, maxLength: 3 }),
    values: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 4, maxLength: 4 }),
    share: fc.constantFrom(0, 0.1, 0.5, 1),
    ties: fc.constantFrom('accept', 'reject', 'allocation') as fc.Arbitrary<'accept' | 'reject' | 'allocation'>,
    requests: fc.array(
      fc.record({ product: fc.nat(), quantity: fc.integer({ min: 1, max: 4 }), who: fc.integer({ min: -1, max: 3 }) }),
      { minLength: 1, maxLength: 60 },
    ),
  })
  .map((c) => {
    const n = c.capacities.length;
    const network: Network = {
      resources: c.capacities.map((capacity, i) => ({ id: `night-${i}`, capacity })),
      products: c.products.map((p, j) => {
        let resources = p.uses.slice(0, n).flatMap((u, i) => (u ? [`night-${i}`] : []));
        if (resources.length === 0) resources = ['night-0'];
        return { id: `stay-${j}`, fare: p.fare, resources, demand: 1 };
      }),
    };
    const prices = Object.fromEntries(network.resources.map((r, i) => [r.id, c.prices[i]!]));
    const table = valueAtRiskTable(
      { accounts: Object.fromEntries(ACCOUNTS.map((a, k) => [a, c.values[k]!])) },
      { refusalLossShare: c.share },
    );
    const zero = valueAtRiskTable({ accounts: Object.fromEntries(ACCOUNTS.map((a) => [a, 0])) }, { refusalLossShare: c.share });
    const requests = c.requests.map((r) => ({
      product: r.product % network.products.length,
      quantity: r.quantity,
      ...(r.who >= 0 ? { account: ACCOUNTS[r.who]! } : {}),
    }));
    const allocation = Object.fromEntries(network.products.map((p, j) => [p.id, c.products[j]!.allocation]));
    return { network, prices, allocation, table, zero, ties: c.ties, requests };
  });

describe('value-aware acceptance on the booking path', () => {
  it('never sells beyond capacity on any resource, whatever the future values', () => {
    fc.assert(
      fc.property(arbCase, ({ network, prices, allocation, table, ties, requests }) => {
        const controls = bidPriceControls(network, prices, { ties, allocation });
        const state = networkBookingState(controls);
        const d = createDecision();
        const b = createValueBreakdown();
        for (const r of requests) {
          const fare = network.products[r.product]!.fare;
          const value = requestValue(table, r, fare, b);
          decide({ ...r, value }, state, controls, d);
          if (d.accept) recordSale(state, controls, r.product, r.quantity);
          network.resources.forEach((res, i) => expect(state.sold[i]!).toBeLessThanOrEqual(res.capacity));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('with zero future value decides exactly as plain bid-price control on every request', () => {
    fc.assert(
      fc.property(arbCase, ({ network, prices, allocation, zero, ties, requests }) => {
        const controls = bidPriceControls(network, prices, { ties, allocation });
        const plain = networkBookingState(controls);
        const aware = networkBookingState(controls);
        const dp = createDecision();
        const da = createDecision();
        const b = createValueBreakdown();
        for (const r of requests) {
          decide({ product: r.product, quantity: r.quantity }, plain, controls, dp);
          const value = requestValue(zero, r, network.products[r.product]!.fare, b);
          decide({ ...r, value }, aware, controls, da);
          expect({ ...da }).toEqual({ ...dp });
          if (dp.accept) recordSale(plain, controls, r.product, r.quantity);
          if (da.accept) recordSale(aware, controls, r.product, r.quantity);
        }
        expect(Array.from(aware.sold)).toEqual(Array.from(plain.sold));
      }),
      { numRuns: 200 },
    );
  });

  it('accepts whatever plain control accepts in the same state (future value only adds)', () => {
    fc.assert(
      fc.property(arbCase, ({ network, prices, allocation, table, ties, requests }) => {
        const controls = bidPriceControls(network, prices, { ties, allocation });
        const state = networkBookingState(controls);
        const dp = createDecision();
        const da = createDecision();
        const b = createValueBreakdown();
        for (const r of requests) {
          decide({ product: r.product, quantity: r.quantity }, state, controls, dp);
          const value = requestValue(table, r, network.products[r.product]!.fare, b);
          decide({ ...r, value }, state, controls, da);
          if (dp.accept) expect(da.accept).toBe(true);
          if (da.accept) recordSale(state, controls, r.product, r.quantity);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('accepts a corporate account below the bid price for its future value, and says so', () => {
    // One night of 10 rooms, bid price 150; the account's 2-room request pays 120 net a room now and is
    // worth 1,000 in the future, 20 % of it at risk: 120 + 0.2 · 1000 / 2 = 220 ≥ 150.
    const network: Network = { resources: [{ id: 'night', capacity: 10 }], products: [{ id: 'CORP', fare: 120, resources: ['night'], demand: 5 }] };
    const controls = bidPriceControls(network, { night: 150 });
    const state = networkBookingState(controls);
    const table = valueAtRiskTable({ accounts: { 'company:40': 1000 } }, { refusalLossShare: 0.2 });
    const b = createValueBreakdown();
    const request = { product: 'CORP', quantity: 2, account: 'company:40' };
    expect(decide(request, state, controls).accept).toBe(false);
    const d = decide({ ...request, value: requestValue(table, request, 120, b) }, state, controls);
    expect(explainValueAware(d, b)).toEqual({
      accept: true, reason: 'accepted', contributionNow: 120, valueAtRisk: 100, source: 'account', value: 220,
      opportunityCost: 150, acceptedForFutureValue: true,
    });
  });
});
