/**
 * One hotel night, four rate classes: EMSR-a and EMSR-b protection levels, the nested booking limits
 * they imply, and how much each earns against the exact optimum (the static DP of Brumelle & McGill 1993),
 * all scored exactly by `expectedRevenue` (no simulation noise). Rates are contributions per room-night.
 *
 * Run: `npx tsx examples/single-resource-emsr.ts` (after `npm run build`: it imports the built package).
 */
import {
  emsrA,
  emsrB,
  bookingLimits,
  littlewood,
  optimalProtectionLevels,
  expectedRevenue,
  type FareClass,
} from 'yieldcraft';

const rooms = 120;
const classes: FareClass[] = [
  { id: 'corporate flex', fare: 240, demand: { kind: 'normal', mean: 22, sd: 7 } },
  { id: 'best available', fare: 180, demand: { kind: 'normal', mean: 38, sd: 11 } },
  { id: 'advance purchase', fare: 140, demand: { kind: 'normal', mean: 45, sd: 13 } },
  { id: 'OTA package', fare: 105, demand: { kind: 'normal', mean: 60, sd: 18 } },
];

console.log(`Littlewood, corporate vs best available: protect ${littlewood(classes[0]!.demand, 240, 180).toFixed(1)} rooms`);
const a = emsrA(classes, { rounding: 'up', capacity: rooms }).protectionLevels;
const b = emsrB(classes, { rounding: 'up', capacity: rooms }).protectionLevels;
const opt = optimalProtectionLevels(classes, rooms);

const row = (name: string, ys: readonly number[]): void => {
  const limits = bookingLimits(ys, rooms);
  const rev = expectedRevenue(ys, classes, rooms);
  const gap = Math.max(0, (100 * (opt.expectedRevenue - rev)) / opt.expectedRevenue);
  console.log(
    `${name.padEnd(8)} protect ${ys.map((y) => String(y).padStart(3)).join(' ')}  limits ${limits.map((l) => String(l).padStart(3)).join(' ')}` +
      `  expected revenue ${rev.toFixed(0).padStart(6)}  (${gap.toFixed(2)} % below optimal)`,
  );
};
row('EMSR-a', a);
row('EMSR-b', b);
row('optimal', opt.protectionLevels);
row('FCFS', [0, 0, 0]);
