import type { NetworkBookingProcess } from '../../src/model/index.js';

/**
 * A two-spoke process written by hand (the Topaloglu 2009 layout: spokes 1, 2; hub 0): legs 1→0
 * (2 seats) and 0→2 (1 seat); products 1→0 low (10), 0→2 high (40), 1→2 low (35.5, both legs).
 * Probabilities period-major, products in that order.
 */
export const TINY: NetworkBookingProcess = {
  network: {
    resources: [
      { id: '1-0', capacity: 2 },
      { id: '0-2', capacity: 1 },
    ],
    products: [
      { id: '1-0-0', fare: 10, resources: ['1-0'], demand: 0.625 },
      { id: '0-2-1', fare: 40, resources: ['0-2'], demand: 0.6 },
      { id: '1-2-0', fare: 35.5, resources: ['1-0', '0-2'], demand: 0.5 },
    ],
  },
  periods: 3,
  arrivalProbabilities: [0.5, 0, 0.25, 0.125, 0.5, 0.25, 0, 0.1, 0],
};
