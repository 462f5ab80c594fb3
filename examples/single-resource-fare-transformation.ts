/**
 * Unfenced fares (everyone buys the cheapest open class): plain EMSR-b opens cheap classes too early;
 * Fiig, Isler, Hopperstad & Belobaba (2010) transform the fares into marginal revenues first. This is the
 * paper's fully undifferentiated example (Tables 1–2): six classes, 100 seats.
 *
 * Run: `npx tsx examples/single-resource-fare-transformation.ts` (after `npm run build`).
 */
import { fareTransformation, emsrB, emsrBWithFareTransformation, bookingLimits, type FareClass } from 'yieldcraft';

const classes: FareClass[] = [
  [1200, 31.2, 11.2],
  [1000, 10.9, 6.6],
  [800, 14.8, 7.7],
  [600, 19.9, 8.9],
  [400, 26.9, 10.4],
  [200, 36.3, 12.0],
].map(([fare, mean, sd], i) => ({ id: `class ${i + 1}`, fare: fare!, demand: { kind: 'normal', mean: mean!, sd: sd! } }));

const t = fareTransformation(classes.map((c) => ({ fare: c.fare, demand: c.demand })));
classes.forEach((c, j) =>
  console.log(
    `${c.id}: fare ${c.fare}, Q ${t.quantity[j]!.toFixed(1)}, TR ${t.revenue[j]!.toFixed(0)}, ` +
      (t.efficient[j] ? `adjusted fare ${t.adjustedFares[j]!.toFixed(1)}` : 'inefficient: keep closed'),
  ),
);
const plain = bookingLimits(emsrB(classes, { rounding: 'nearest' }).protectionLevels, 100);
const mr = emsrBWithFareTransformation(classes, { rounding: 'nearest' });
console.log(`EMSR-b booking limits:    ${plain.join(' / ')}`);
console.log(`EMSR-b-MR booking limits: ${bookingLimits(mr.protectionLevels, 100).join(' / ')} (classes ${mr.efficientClasses.map((i) => i + 1).join(', ')} only)`);
