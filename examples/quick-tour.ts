/**
 * The README's "short tour", as a script that runs in `npm test` against the built package: nested
 * booking limits from EMSR-b and the booking-path decision; DLP bid prices on a two-leg network and a
 * bid-price decision with the tie rule stated.
 */
import {
  bidPriceControls,
  bookingLimits,
  createDecision,
  decide,
  decideBidPrice,
  dlp,
  emsrB,
  nestedLimitControls,
  nestedLimitState,
} from 'yieldcraft';

const classes = [
  { id: 'Y', fare: 1050, demand: { kind: 'normal', mean: 17.3, sd: 5.8 } },
  { id: 'B', fare: 567, demand: { kind: 'normal', mean: 45.1, sd: 15.0 } },
  { id: 'M', fare: 534, demand: { kind: 'normal', mean: 39.6, sd: 13.2 } },
  { id: 'Q', fare: 520, demand: { kind: 'normal', mean: 34.0, sd: 11.3 } },
] as const;
const { protectionLevels } = emsrB(classes); // Talluri & van Ryzin (2004), Table 2.5: 16.7, 50.9, 83.1
const limits = bookingLimits(protectionLevels, 100, { rounding: 'down' });
const controls = nestedLimitControls(limits, { classIds: ['Y', 'B', 'M', 'Q'] });
const state = nestedLimitState(controls);
const d = decide({ product: 'Q', quantity: 2 }, state, controls, createDecision());
console.log('EMSR-b protection levels', protectionLevels.map((y) => y.toFixed(2)).join(', '));
console.log('nested booking limits   ', limits.join(', '));
console.log(`request 2 × Q: ${d.accept ? 'accept' : 'reject'} (${d.reason}, ${d.available} available)`);
if (Math.abs(protectionLevels[2]! - 83.15) > 0.01) throw new Error('EMSR-b no longer reproduces Table 2.5');

const network = {
  resources: [
    { id: 'AB', capacity: 10 },
    { id: 'BC', capacity: 5 },
  ],
  products: [
    { id: 'AB-Y', fare: 100, resources: ['AB'], demand: 8 },
    { id: 'AC-Y', fare: 180, resources: ['AB', 'BC'], demand: { kind: 'poisson', mean: 6 } },
    { id: 'BC-Y', fare: 90, resources: ['BC'], demand: 4 },
  ],
} as const;
const r = await dlp(network);
if (r.status !== 'optimal') throw new Error(`DLP ${r.status}`);
console.log(`\nDLP objective ${r.objective}, bid prices`, r.bidPrices, 'allocation', r.allocation);
const bp = bidPriceControls(network, r, { ties: 'allocation' });
console.log(decideBidPrice({ product: 'AC-Y' }, { sold: { AB: 3 } }, bp).explanation);
