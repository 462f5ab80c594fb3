/**
 * The booking path on one night: EMSR-b protection levels become nested booking limits, `decide`
 * answers each request with its reason, and the night is scored against selling first-come-first-served
 * and against perfect hindsight (revenue opportunity, Smith, Leimkuhler & Darrow 1992).
 *
 * Run: `npx tsx examples/decide-nested-limits.ts` (after `npm run build`: it imports the built package).
 */
import {
  bookingLimits,
  nestedLimitState,
  createDecision,
  decide,
  emsrB,
  nestedLimitControls,
  revenueOpportunity,
  type FareClass,
} from 'yieldcraft';

const classes: FareClass[] = [
  { id: 'Y', fare: 1050, demand: { kind: 'normal', mean: 17.3, sd: 5.8 } },
  { id: 'B', fare: 567, demand: { kind: 'normal', mean: 45.1, sd: 15.0 } },
  { id: 'M', fare: 534, demand: { kind: 'normal', mean: 39.6, sd: 13.2 } },
  { id: 'Q', fare: 520, demand: { kind: 'normal', mean: 34.0, sd: 11.3 } },
];
const capacity = 100;
const { protectionLevels } = emsrB(classes);
const limits = bookingLimits(protectionLevels, capacity, { rounding: 'down' });
const controls = nestedLimitControls(limits, { classIds: classes.map((c) => c.id!) });
console.log('protection levels', protectionLevels.map((y) => y.toFixed(1)).join(' / '), '→ nested limits', limits.join(' / '));

// One realised night: the cheapest requests arrive first (the low-before-high assumption), in parties of 1–2.
const arrivals: [classId: string, requests: number][] = [['Q', 41], ['M', 44], ['B', 38], ['Y', 21]];
const state = nestedLimitState(controls);
const out = createDecision();
const reasons: Record<string, number> = {};
let first: string | undefined;
for (const [id, n] of arrivals)
  for (let k = 0; k < n; k++) {
    const d = decide({ product: id, quantity: 1 + (k % 2) }, state, controls, out);
    reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    if (d.accept) state.sold[d.classIndex]! += d.quantity;
    else first ??= `first rejection: ${id} × ${d.quantity}, ${d.reason} (limit of class ${classes[d.bindingLimit]!.id} binds, ${d.available} left)`;
  }
console.log(first);
console.log('decisions', reasons, 'sold', Object.fromEntries(classes.map((c, i) => [c.id, state.sold[i]])));

// Score: units requested per class (parties of 1–2 alternate: 1.5 units a request on average).
const requested = arrivals.map(([id, n]) => [id, Math.floor(n / 2) * 3 + (n % 2)] as const);
const fareOf = (id: string) => classes.find((c) => c.id === id)!.fare;
const realised = classes.reduce((s, c, i) => s + c.fare * state.sold[i]!, 0);
let left = capacity;
let noControl = 0;
for (const [id, units] of requested) {
  const take = Math.min(units, left);
  noControl += take * fareOf(id);
  left -= take;
}
left = capacity;
let perfect = 0;
for (const [id, units] of [...requested].sort((a, b) => fareOf(b[0]) - fareOf(a[0]))) {
  const take = Math.min(units, left);
  perfect += take * fareOf(id);
  left -= take;
}
const ro = revenueOpportunity({ realised, noControl, perfect });
console.log(
  `revenue ${realised}, first-come-first-served ${noControl}, perfect hindsight ${perfect}: ` +
    (ro.share.status === 'ok' ? `${(100 * ro.share.value).toFixed(0)} % of the revenue opportunity captured` : ro.share.reason),
);
