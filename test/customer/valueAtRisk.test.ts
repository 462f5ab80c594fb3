import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createValueBreakdown,
  customerValue,
  explainValueAware,
  requestValue,
  VALUE_AT_RISK_DEFAULTS,
  valueAtRiskTable,
  type CustomerRecord,
} from '../../src/customer/index.js';
import { pathOf } from '../errorPath.js';

const stay = (arrivalDate: string, company: string): CustomerRecord => ({
  bookingDate: '2015-12-01', arrivalDate, nights: 1, rooms: 1, segment: 'Corporate', channel: 'Corporate', rate: 125,
  status: 'stayed', company, previousStays: company === '40' ? 1 : 0,
});
const H = [stay('2016-01-10', '40'), stay('2016-04-10', '40'), stay('2016-07-10', '40'), stay('2016-10-10', '40'), stay('2016-01-12', '7')];
const accounts = customerValue(H, { asOf: '2016-12-31', since: '2016-01-01', periodDays: 91, maxRecency: 1, discountRate: 0, horizonDays: 91, priorStrength: 0 });

describe('valueAtRiskTable and requestValue', () => {
  it('adds ℓ · V ÷ quantity to the contribution now, for an account valued by customerValue', () => {
    // company:40 is worth 100 (one period, p = 1, 125 − 25); ℓ = 0.5, 2 rooms → 25 per room.
    const table = valueAtRiskTable({ accounts }, { refusalLossShare: 0.5 });
    const b = createValueBreakdown();
    expect(requestValue(table, { quantity: 2, account: 'company:40' }, 80, b)).toBe(105);
    expect(b).toEqual({ value: 105, contributionNow: 80, valueAtRisk: 25, source: 'account' });
    expect(requestValue(table, { account: 'company:7' }, 80, b)).toBe(80);
    expect(b.source).toBe('account');
  });

  it('looks up customer, then account, then loyalty tier, then segment', () => {
    const guests = customerValue(H, { asOf: '2016-12-31', by: 'segment', discountRate: 0, maxPreviousStays: 1, horizonDays: 365 });
    const table = valueAtRiskTable({ customers: { anna: 1000 }, accounts: { 'company:40': 500 }, segments: guests }, { refusalLossShare: 1 });
    const b = createValueBreakdown();
    requestValue(table, { customer: 'anna', account: 'company:40', segment: 'Corporate' }, 0, b);
    expect([b.source, b.valueAtRisk]).toEqual(['customer', 1000]);
    requestValue(table, { customer: 'bob', account: 'company:40', segment: 'Corporate' }, 0, b);
    expect([b.source, b.valueAtRisk]).toEqual(['account', 500]);
    // Tiers of Corporate: 1 stay with 0 earlier, 4 with 1 → q_0 = 4/5, q_1 = 0 (tier 1 pools ≥ 1: 0 of 4
    // had ≥ 2). A new guest: 0.8 future stays × 100 = 80; a tier-1 guest: 0.
    requestValue(table, { segment: 'Corporate' }, 0, b, 0);
    expect(b.source).toBe('tier');
    expect(b.valueAtRisk).toBeCloseTo(80, 10);
    requestValue(table, { segment: 'Corporate' }, 0, b, 7);
    expect([b.source, b.valueAtRisk]).toEqual(['tier', 0]);
    requestValue(table, { segment: 'Corporate' }, 0, b);
    expect(b.source).toBe('segment');
    expect(b.valueAtRisk).toBeCloseTo(80, 10);
    requestValue(table, { segment: 'Groups' }, 42, b);
    expect(b).toEqual({ value: 42, contributionNow: 42, valueAtRisk: 0, source: 'none' });
  });

  it('is off without a table, with ℓ = 0 and by default: the value is the contribution now', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 50 }), (c, q) => {
        expect(requestValue(undefined, { quantity: q, account: 'company:40' }, c)).toBe(c);
        const off = valueAtRiskTable({ accounts }, { refusalLossShare: 0 });
        expect(requestValue(off, { quantity: q, account: 'company:40' }, c)).toBe(c);
      }),
    );
    expect(VALUE_AT_RISK_DEFAULTS.refusalLossShare).toBe(0);
    expect(requestValue(valueAtRiskTable({ accounts }), { account: 'company:40' }, 12)).toBe(12);
  });

  it('takes ℓ per source from refusalLossShareBy', () => {
    const table = valueAtRiskTable(
      { customers: { anna: 1000 }, accounts: { 'company:40': 1000 }, segments: { Corporate: 1000 } },
      { refusalLossShare: 0.5, refusalLossShareBy: { account: 0.01, segment: 0 } },
    );
    expect(requestValue(table, { customer: 'anna' }, 0)).toBe(500);
    expect(requestValue(table, { account: 'company:40' }, 0)).toBe(10);
    expect(requestValue(table, { segment: 'Corporate' }, 0)).toBe(0);
    expect(pathOf(() => valueAtRiskTable({}, { refusalLossShareBy: { account: -0.1 } }))).toBe('options.refusalLossShareBy.account');
  });

  it('explains a decision with both parts and flags an acceptance owed to future value', () => {
    const b = createValueBreakdown();
    requestValue(valueAtRiskTable({ accounts: { 'company:40': 500 } }, { refusalLossShare: 0.2 }), { account: 'company:40' }, 90, b);
    const r = explainValueAware({ accept: true, reason: 'accepted', hurdle: 150 }, b);
    expect(r).toEqual({
      accept: true, reason: 'accepted', contributionNow: 90, valueAtRisk: 100, source: 'account', value: 190,
      opportunityCost: 150, acceptedForFutureValue: true,
    });
    expect(explainValueAware({ accept: true, reason: 'accepted', hurdle: 50 }, b).acceptedForFutureValue).toBe(false);
  });

  it('rejects negative values, a loss share outside [0, 1], a bad contribution, quantity or tier', () => {
    expect(pathOf(() => valueAtRiskTable({ accounts: { 'company:40': -1 } }))).toBe('sources.accounts.company:40');
    expect(pathOf(() => valueAtRiskTable({ customers: { anna: Number.NaN } }))).toBe('sources.customers.anna');
    expect(pathOf(() => valueAtRiskTable({ accounts }, { refusalLossShare: 1.5 }))).toBe('options.refusalLossShare');
    expect(pathOf(() => valueAtRiskTable({ segments: accounts }))).toBe('sources.segments');
    const t = valueAtRiskTable({ accounts });
    expect(pathOf(() => requestValue(t, {}, -1))).toBe('contributionNow');
    expect(pathOf(() => requestValue(t, {}, Number.NaN))).toBe('contributionNow');
    expect(pathOf(() => requestValue(t, { quantity: 0 }, 1))).toBe('request.quantity');
    const g = valueAtRiskTable({ segments: customerValue(H, { asOf: '2016-12-31', by: 'segment' }) });
    expect(pathOf(() => requestValue(g, { segment: 'Corporate' }, 1, undefined, -2))).toBe('previousStays');
  });
});
