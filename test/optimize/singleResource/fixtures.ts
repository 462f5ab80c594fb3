/**
 * Published worked examples used by the single-resource tests and the bench. Each fixture names its
 * source, the page or table, and the source's rounding convention.
 */
import type { FareClass } from '../../../src/model/index.js';

/**
 * Talluri & van Ryzin (2004), *The Theory and Practice of Revenue Management*, §2.2.3, Table 2.5
 * (p. 44): four classes, normal demand. The book's EMSR-a and EMSR-b examples (§2.2.3.3–2.2.3.4) report the
 * protection levels to one decimal, truncated (every printed value is the exact one cut after the first
 * decimal: EMSR-b's 83.155 is printed 83.1): EMSR-a 16.7, 38.7, 55.6 and EMSR-b 16.7, 50.9, 83.1.
 * Review note: the page number and the printed values could not be re-checked against the book with the
 * search tools available (no copy of the text was found); the exact levels are additionally checked in the
 * tests against the closed-form formulas (eq. 2.11–2.13) written out independently.
 */
export const TVR_TABLE_2_5: readonly FareClass[] = [
  { id: '1', fare: 1050, demand: { kind: 'normal', mean: 17.3, sd: 5.8 } },
  { id: '2', fare: 567, demand: { kind: 'normal', mean: 45.1, sd: 15.0 } },
  { id: '3', fare: 534, demand: { kind: 'normal', mean: 39.6, sd: 13.2 } },
  { id: '4', fare: 520, demand: { kind: 'normal', mean: 34.0, sd: 11.3 } },
];
export const TVR_EMSR_A = [16.7, 38.7, 55.6] as const;
export const TVR_EMSR_B = [16.7, 50.9, 83.1] as const;

/**
 * Phillips (2005), *Pricing and Revenue Optimization*, ch. 7 (the EMSR example with four fare classes):
 * the same demand as T&vR Table 2.5 with fares $1,050, $950, $699, $520. Reported to one decimal,
 * truncated: EMSR-a 50.4 and 91.6 for y_2, y_3; EMSR-b 53.2 and 96.8 (numbers as quoted by public course
 * code reproducing the example, e.g. the R script `r/emsrb.r` in cyy0523xc/code, whose rounded-up
 * EMSR-b levels are 10, 54, 97).
 */
export const PHILLIPS_CH7: readonly FareClass[] = [
  { id: 'Y', fare: 1050, demand: { kind: 'normal', mean: 17.3, sd: 5.8 } },
  { id: 'M', fare: 950, demand: { kind: 'normal', mean: 45.1, sd: 15.0 } },
  { id: 'B', fare: 699, demand: { kind: 'normal', mean: 39.6, sd: 13.2 } },
  { id: 'Q', fare: 520, demand: { kind: 'normal', mean: 34.0, sd: 11.3 } },
];
export const PHILLIPS_EMSR_A_TAIL = [50.4, 91.6] as const;
export const PHILLIPS_EMSR_B_TAIL = [53.2, 96.8] as const;
export const PHILLIPS_EMSR_B_UP = [10, 54, 97] as const;

/**
 * Fiig, Isler, Hopperstad & Belobaba (2010), "Optimization of mixed fare structures: theory and
 * applications", JRPM 9, 152–170, Tables 1–2 (p. 13 of the authors' preprint): a fully undifferentiated
 * fare structure, six classes, partitioned demand (mean, sd), capacity 100. Table 1: adjusted fares
 * (marginal revenues) 1200, 427.5, 231.1, 28.1 for classes 1–4, classes 5–6 inefficient. Table 2: EMSRb
 * booking limits 100, 80, 65, 46, 20, 0 and EMSRb-MR limits 100, 65, 48, 16 (classes 5–6 closed), in
 * whole seats (rounded to the nearest seat). Also reproduced in RevPy's published EMSRb-MR notebook.
 */
export const FIIG_2010: readonly FareClass[] = [
  { id: '1', fare: 1200, demand: { kind: 'normal', mean: 31.2, sd: 11.2 } },
  { id: '2', fare: 1000, demand: { kind: 'normal', mean: 10.9, sd: 6.6 } },
  { id: '3', fare: 800, demand: { kind: 'normal', mean: 14.8, sd: 7.7 } },
  { id: '4', fare: 600, demand: { kind: 'normal', mean: 19.9, sd: 8.9 } },
  { id: '5', fare: 400, demand: { kind: 'normal', mean: 26.9, sd: 10.4 } },
  { id: '6', fare: 200, demand: { kind: 'normal', mean: 36.3, sd: 12.0 } },
];
export const FIIG_CAPACITY = 100;
export const FIIG_ADJUSTED_FARES = [1200, 427.5, 231.1, 28.1] as const;
export const FIIG_EMSRB_LIMITS = [100, 80, 65, 46, 20, 0] as const;
export const FIIG_EMSRB_MR_LIMITS = [100, 65, 48, 16] as const;

/** Deep-freezes a value (tests that inputs are never mutated). */
export function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}
