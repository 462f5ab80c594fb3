import { describe, expect, it } from 'vitest';
import { DEFAULT_ONE_NIGHT, oneNightGroupDecision, type OneNightGroupInput } from '../../src/cli/oneNightGroup.js';
import { YieldInputError } from '../../src/model/errors.js';

const withGroup = (patch: Partial<OneNightGroupInput['group']>, base = DEFAULT_ONE_NIGHT): OneNightGroupInput => ({
  ...base,
  group: { ...base.group, ...patch },
});

describe('oneNightGroupDecision(input)', () => {
  it('accepts a block on a night with no transient demand: nothing is displaced', () => {
    const r = oneNightGroupDecision({
      ...DEFAULT_ONE_NIGHT,
      transients: DEFAULT_ONE_NIGHT.transients.map((s) => ({ ...s, demand: { kind: 'normal', mean: 0, sd: 0 } as const })),
    });
    expect(r.displacementCost).toBe(0);
    expect(r.decision).toBe('accept');
  });

  it('rejects a block whose contribution is negative', () => {
    const r = oneNightGroupDecision(withGroup({ price: 10 }));
    expect(r.groupContribution).toBeLessThan(0);
    expect(r.decision).toBe('reject');
  });

  it('accepts the whole block at the rate it names as making the whole block the best choice', () => {
    const r = oneNightGroupDecision(DEFAULT_ONE_NIGHT);
    expect(r.decision).toBe('counter-offer');
    const again = oneNightGroupDecision(withGroup({ price: r.wholeBlockRate + 0.01 }));
    expect(again.decision).toBe('accept');
    const below = oneNightGroupDecision(withGroup({ price: r.wholeBlockRate - 0.5 }));
    expect(below.decision).not.toBe('accept');
  });

  it('breaks even at the minimum rate: group value equals displacement there', () => {
    const r = oneNightGroupDecision(DEFAULT_ONE_NIGHT);
    const at = oneNightGroupDecision(withGroup({ price: r.minimumRate }));
    expect(at.groupValue).toBeCloseTo(at.displacementCost, 6);
  });

  it('displaces more when the block is larger', () => {
    let prev = -1;
    for (const rooms of [5, 10, 20, 40, 80]) {
      const r = oneNightGroupDecision(withGroup({ rooms }));
      expect(r.displacementCost).toBeGreaterThanOrEqual(prev);
      prev = r.displacementCost;
    }
  });

  it('names the field when the block is larger than the hotel', () => {
    expect(() => oneNightGroupDecision(withGroup({ rooms: 151 }))).toThrowError(YieldInputError);
    expect(() => oneNightGroupDecision(withGroup({ rooms: 151 }))).toThrow(/group\.rooms/);
    expect(() => oneNightGroupDecision(withGroup({ commission: 2 }))).toThrow(/group\.commission/);
  });
});

describe('oneNightGroupDecision(input): malformed input names the field (no TypeError)', () => {
  const pathOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      if (e instanceof YieldInputError) return e.path;
      throw e;
    }
    return undefined;
  };
  const T0 = DEFAULT_ONE_NIGHT.transients[0]!;

  it('names input, transients and group when they are missing or of the wrong type', () => {
    expect(pathOf(() => oneNightGroupDecision(null as never))).toBe('input');
    expect(pathOf(() => oneNightGroupDecision({ ...DEFAULT_ONE_NIGHT, transients: undefined as never }))).toBe('transients');
    expect(pathOf(() => oneNightGroupDecision({ ...DEFAULT_ONE_NIGHT, transients: [null as never] }))).toBe('transients[0]');
    expect(pathOf(() => oneNightGroupDecision({ ...DEFAULT_ONE_NIGHT, group: undefined as never }))).toBe('group');
  });

  it('names the transient, in the caller order, whose demand or contribution is bad', () => {
    const badDemand = { ...T0, demand: { kind: 'normal', mean: 10, sd: -1 } as const };
    // Listed second, but its contribution (236) is the higher one, so it is class 1 once sorted: the error
    // must still name the caller's index.
    expect(pathOf(() => oneNightGroupDecision({ ...DEFAULT_ONE_NIGHT, transients: [DEFAULT_ONE_NIGHT.transients[1]!, badDemand] })))
      .toBe('transients[1].demand.sd');
    const losing = { ...T0, price: 1 }; // 1 − 32 + 28 = −3 per room
    expect(pathOf(() => oneNightGroupDecision({ ...DEFAULT_ONE_NIGHT, transients: [losing] }))).toBe('transients[0].price');
  });

  it('accepts the block when there is no transient segment at all: nothing to displace', () => {
    const r = oneNightGroupDecision({ ...DEFAULT_ONE_NIGHT, transients: [] });
    expect(r.displacementCost).toBe(0);
    expect(r.decision).toBe('accept');
  });
});
