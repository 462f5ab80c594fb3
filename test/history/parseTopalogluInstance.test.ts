import { describe, expect, it } from 'vitest';
import { parseTopalogluInstance, TOPALOGLU_HUB } from '../../src/history/index.js';
import { dlp } from '../../src/optimize/network/dlp.js';
import { YieldInputError } from '../../src/model/errors.js';
import {
  HAS_TOPALOGLU_DATA,
  MISSING_DATA_MESSAGE,
  publishedResults,
  readTopalogluInstance,
  readTopalogluText,
} from '../simulate/topalogluData.js';

/** A two-spoke instance written by hand in the published format (spokes 1, 2; hub 0). */
const TINY = `# number of time periods
3

# flights - from to capacity
# first line is number of flights
2
1 0 2
0 2 1

# itineraries - from to class fare
# first line is number of itineraries
3
1 0 0 10.0
0 2 1 40.0
1 2 0 35.5

# probabilities - time period itinerary probability
0\t[ 1 0 0 ]\t0.5\t[ 0 2 1 ]\t0.0\t[ 1 2 0 ]\t0.25
1\t[ 0 2 1 ]\t0.5\t[ 1 0 0 ]\t0.125\t[ 1 2 0 ]\t0.25
2\t[ 1 0 0 ]\t0.0\t[ 0 2 1 ]\t1.0E-1\t[ 1 2 0 ]\t0.0
`;

describe('parseTopalogluInstance(text)', () => {
  it('reads legs, itineraries through the hub, and per-period probabilities of a hand-written file', () => {
    const inst = parseTopalogluInstance(TINY);
    expect(inst.periods).toBe(3);
    expect(TOPALOGLU_HUB).toBe(0);
    expect(inst.network.resources).toEqual([
      { id: '1-0', capacity: 2 },
      { id: '0-2', capacity: 1 },
    ]);
    expect(inst.network.products.map((p) => [p.id, p.fare, p.resources])).toEqual([
      ['1-0-0', 10, ['1-0']],
      ['0-2-1', 40, ['0-2']],
      ['1-2-0', 35.5, ['1-0', '0-2']],
    ]);
    // period 1 lists its pairs in another order than the itinerary list: matched by [ from to class ]
    expect(Array.from(inst.arrivalProbabilities)).toEqual([0.5, 0, 0.25, 0.125, 0.5, 0.25, 0, 0.1, 0]);
    // demand = expected total arrivals: 0.5 + 0.125, 0.5 + 0.1, 0.25 + 0.25
    expect(inst.network.products.map((p) => p.demand)).toEqual([0.625, 0.6, 0.5]);
    expect(inst.itineraries[2]).toEqual({ from: 1, to: 2, fareClass: 0, fare: 35.5 });
  });

  it('rejects a malformed file with a YieldInputError naming the line', () => {
    const cases: [string, RegExp][] = [
      [TINY.replace('1 0 2\n', '1 0 -2\n'), /line 7: capacity must be a whole number/],
      [TINY.replace('1 2 0 35.5', '1 2 0 NaN'), /line 15: fare must be a finite number/],
      [TINY.replace('0\t[ 1 0 0 ]\t0.5', '0\t[ 1 0 0 ]\t1.5'), /line 18: probability of \[ 1 0 0 \] must be in \[0, 1\]/],
      [TINY.replace('\t[ 1 2 0 ]\t0.25\n1', '\t[ 2 1 0 ]\t0.25\n1'), /line 18: unknown itinerary \[ 2 1 0 \]/],
      [TINY.replace('2\t[ 1 0 0 ]', '7\t[ 1 0 0 ]'), /line 20: expected the line of period 2/],
      [TINY.slice(0, TINY.indexOf('2\t[')), /unexpected end of file: expected the probabilities of period 2/],
      [TINY.replace('0 2 1 40.0', '2 1 1 40.0'), /itinerary 2-1-1: no leg 2-1 and no connection through the hub 0/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseTopalogluInstance(text)).toThrowError(YieldInputError);
      expect(() => parseTopalogluInstance(text)).toThrowError(message);
    }
  });

  it('rejects a period whose probabilities sum over 1', () => {
    const text = TINY.replace('2\t[ 1 0 0 ]\t0.0\t[ 0 2 1 ]\t1.0E-1', '2\t[ 1 0 0 ]\t0.95\t[ 0 2 1 ]\t1.0E-1');
    expect(() => parseTopalogluInstance(text)).toThrowError(/period 2: probabilities sum to 1.05/);
  });
});

describe.skipIf(!HAS_TOPALOGLU_DATA)(`the published instances (${HAS_TOPALOGLU_DATA ? 'found' : MISSING_DATA_MESSAGE})`, () => {
  it('reads rm_200_4_1.0_4.0 as the numbers printed in the file', () => {
    const inst = readTopalogluInstance('rm_200_4_1.0_4.0');
    const text = readTopalogluText('rm_200_4_1.0_4.0');
    expect(text.startsWith('# number of time periods\n200\n')).toBe(true);
    expect(inst.periods).toBe(200);
    // flights block, read by eye: "1 0 37", "2 0 51", "3 0 33", "4 0 43", "0 1 53", "0 2 49", "0 3 35", "0 4 24"
    expect(inst.network.resources.map((r) => `${r.id}:${r.capacity}`)).toEqual([
      '1-0:37', '2-0:51', '3-0:33', '4-0:43', '0-1:53', '0-2:49', '0-3:35', '0-4:24',
    ]);
    expect(inst.network.products).toHaveLength(40);
    const byId = new Map(inst.network.products.map((p, j) => [p.id, { ...p, j }]));
    // itineraries block: "0 1 0 24.0", "0 1 1 96.0", "2 3 1 328.0", "4 3 1 372.0"
    expect(byId.get('0-1-0')!.fare).toBe(24);
    expect(byId.get('0-1-1')!.fare).toBe(96);
    expect(byId.get('2-3-1')).toMatchObject({ fare: 328, resources: ['2-0', '0-3'] });
    expect(byId.get('4-3-1')!.fare).toBe(372);
    // first probability line: "0  [ 0 1 0 ] 0.09960128709206886  [ 0 1 1 ] 0.0 … [ 1 4 0 ] 5.284171054752357E-4"
    const p = (t: number, id: string) => inst.arrivalProbabilities[t * 40 + byId.get(id)!.j]!;
    expect(p(0, '0-1-0')).toBe(0.09960128709206886);
    expect(p(1, '0-1-0')).toBe(0.09960128709206885);
    expect(p(0, '0-1-1')).toBe(0);
    expect(p(0, '1-4-0')).toBe(5.284171054752357e-4);
    // the file says "probability of having no requests is 0.0": every period sums to 1
    for (let t = 0; t < 200; t++) {
      let s = 0;
      for (let j = 0; j < 40; j++) s += inst.arrivalProbabilities[t * 40 + j]!;
      expect(s).toBeCloseTo(1, 12);
    }
  });

  it('matches the size columns of the published table (legs, itineraries, total capacity) for every instance', () => {
    for (const [name, row] of publishedResults()) {
      const text = readTopalogluText(name);
      const head = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
      expect(Number(head[0]), name).toBe(row.periods);
      expect(Number(head[1]), name).toBe(row.legs);
      const capacity = head.slice(2, 2 + row.legs).reduce((a, l) => a + Number(l.trim().split(/\s+/)[2]), 0);
      expect(capacity, name).toBe(row.total_capacity);
      expect(Number(head[2 + row.legs]), name).toBe(row.itineraries);
      expect(row.itineraries, name).toBe(2 * row.spokes * (row.spokes + 1)); // README: 2N(N+1)
    }
  });

  // The paper prints bounds rounded to whole money units: agreement to ±0.5 is the most the
  // published numbers can confirm (≈ 2e-5 relative); it checks the loader end to end.
  it.each(['rm_200_4_1.0_4.0', 'rm_200_5_1.6_8.0'])('gives the published DLP bound of %s (to the paper\'s rounding, ±0.5)', async (name) => {
    const row = publishedResults().get(name)!;
    const r = await dlp(readTopalogluInstance(name).network);
    expect(r.status).toBe('optimal');
    expect(Math.abs(r.objective! - row.dlp_bound)).toBeLessThanOrEqual(0.5);
  });
});
