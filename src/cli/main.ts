#!/usr/bin/env node
/**
 * The `yieldcraft` command. With no arguments it runs the main job on a bundled default: a hotel's
 * tour-group-versus-transient decision for one night, printed as a short explained table.
 *
 *   yieldcraft            the explained table
 *   yieldcraft --json     the same result as JSON
 *   yieldcraft --help
 */
import { DEFAULT_ONE_NIGHT, oneNightGroupDecision } from './oneNightGroup.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`yieldcraft — yield management for perishable capacity

usage: yieldcraft [--json]

Runs the bundled default: should a 150-room hotel accept a 40-room tour group at a discount for
Saturday night, or hold the rooms for business and leisure guests who may pay more later?`);
  process.exit(0);
}

const input = DEFAULT_ONE_NIGHT;
const r = oneNightGroupDecision(input);
if (args.includes('--json')) {
  console.log(JSON.stringify({ input, result: r }, null, 2));
  process.exit(0);
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;

const rows: string[][] = [['segment', 'channel', 'price', 'comm.', 'var. cost', 'ancillary', 'contribution', 'demand']];
input.transients.forEach((s, i) => {
  const d = s.demand;
  const dem = d.kind === 'normal' ? `${d.mean} ± ${d.sd}` : d.kind === 'poisson' ? `Poisson ${d.mean}` : d.kind;
  rows.push([s.id, s.channel, money(s.price), pct(s.commission), money(s.variableCost ?? 0), money(s.ancillarySpend ?? 0), money(r.transients[i]!.contribution), dem]);
});
const gq = input.group;
rows.push([gq.id, gq.channel, money(gq.price), pct(gq.commission), money(gq.variableCost ?? 0), money(gq.ancillarySpend ?? 0), money(r.groupContribution), `${gq.rooms} rooms`]);
const widths = rows[0]!.map((_, j) => Math.max(...rows.map((row) => row[j]!.length)));

console.log(`\nyieldcraft · ${input.night} · ${input.capacity} rooms · the tour group, or hold rooms for later demand?\n`);
for (const [i, row] of rows.entries()) {
  console.log('  ' + row.map((c, j) => (j >= 2 && j <= 6 ? lpad(c, widths[j]!) : pad(c, widths[j]!))).join('  '));
  if (i === 0) console.log('  ' + widths.map((w) => '─'.repeat(w)).join('  '));
}
const summary: [string, string][] = [
  ['expected transient contribution, all rooms', money(r.transientValueFull)],
  [`… with the ${gq.rooms}-room block taken out`, money(r.transientValueWithBlock)],
  ['displacement cost of the block', money(r.displacementCost)],
  ['group contribution', money(r.groupValue)],
  ['break-even rate for the whole block / room-night', money(r.minimumRate)],
  ['best number of rooms to give at the asked rate', String(r.bestRooms)],
  ['rate at which the whole block is the best choice', money(r.wholeBlockRate)],
];
console.log('');
const w = Math.max(...summary.map(([k]) => k.length));
for (const [k, v] of summary) console.log(`  ${pad(k, w)}  ${lpad(v, 12)}`);
console.log(`\n  decision: ${r.decision.toUpperCase()}`);
for (const reason of r.reasons) console.log(`  · ${reason}`);
console.log(`\n  (contribution = price × (1 − commission) − variable cost + ancillary; EMSR-b, Belobaba 1992;\n   exact displacement under the static model, Talluri & van Ryzin 2004 §2.2. yieldcraft --json for data.)\n`);
