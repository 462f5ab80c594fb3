import { describe, expect, it } from 'vitest';
import { group, rollup, sum } from '../../src/history/index.js';
import { YieldInputError } from '../../src/model/index.js';

const ROWS = [
  { segment: 'Direct', property: 'City Hotel', rooms: 1, nights: 2, children: 0 as number | undefined },
  { segment: 'Groups', property: 'City Hotel', rooms: 10, nights: 3, children: undefined },
  { segment: 'Direct', property: 'Resort Hotel', rooms: 2, nights: 1, children: 2 },
];

describe('rollup / group / sum', () => {
  it('rollup(values, reduce, key) reduces each group, keys in order of first appearance', () => {
    // Direct: 1·2 + 2·1 = 4 room-nights; Groups: 10·3 = 30.
    expect(rollup(ROWS, (v) => sum(v, (r) => r.rooms * r.nights), (r) => r.segment)).toEqual(
      new Map([['Direct', 4], ['Groups', 30]]),
    );
  });

  it('rollup nests with several keys', () => {
    const m = rollup(ROWS, (v) => v.length, (r) => r.property, (r) => r.segment);
    expect(m).toEqual(new Map([['City Hotel', new Map([['Direct', 1], ['Groups', 1]])], ['Resort Hotel', new Map([['Direct', 1]])]]));
    expect(m.get('City Hotel')!.get('Groups')).toBe(1);
  });

  it('group(values, key) keeps the values themselves', () => {
    const g = group(ROWS, (r) => r.segment);
    expect(g.get('Direct')).toEqual([ROWS[0], ROWS[2]]);
    expect([...g.keys()]).toEqual(['Direct', 'Groups']);
  });

  it('sum skips undefined and null (missing) but throws on NaN or a non-number, naming the index', () => {
    expect(sum(ROWS, (r) => r.children)).toBe(2);
    expect(sum([1, null, 2, undefined] as (number | null | undefined)[])).toBe(3);
    expect(sum([])).toBe(0);
    expect(() => sum([1, Number.NaN])).toThrow(/^values\[1\]: /);
    expect(() => sum([1, Number.POSITIVE_INFINITY])).toThrowError(YieldInputError);
    expect(() => sum(['3'] as unknown as number[])).toThrow(/^values\[0\]/);
  });

  it('rejects a missing key accessor or a non-iterable', () => {
    expect(() => rollup(ROWS, (v) => v.length)).toThrow(/^keys: /);
    expect(() => group(42 as unknown as number[], (x) => x)).toThrow(/^values: /);
    expect(() => rollup(ROWS, (v) => v.length, 'segment' as unknown as (r: (typeof ROWS)[number]) => string)).toThrow(/^keys\[0\]/);
  });
});
