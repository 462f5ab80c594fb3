/**
 * The mission's question, asked of a real-looking week: a tour operator wants 40 rooms for three
 * midweek nights at a discount. Accept, or hold the rooms for business travellers who may pay full rate?
 *
 * A 120-room city hotel, Sunday 8 to Saturday 14 March 2026, four rate plans (direct BAR, the same rate
 * sold through an OTA at 18 % commission, a corporate rate, an advance-purchase rate), stays of 1 to 4
 * nights, and a transient forecast that is strong midweek (business) and softer at the weekend (leisure).
 *
 * Run: `npx tsx examples/hotel-group-block.ts` (after `npm run build`: it imports the built package).
 */
import { evaluateGroup, hotelNetwork, lastRoomValues, losControls, type HotelRate } from 'yieldcraft';

const nights = ['2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14'];
const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const rates: HotelRate[] = [
  { id: 'BAR', price: 189, variableCost: 28, ancillarySpend: 22, segment: 'transient', channel: 'direct' },
  { id: 'OTA', price: 189, commission: 0.18, variableCost: 28, ancillarySpend: 15, segment: 'leisure', channel: 'OTA' },
  { id: 'CORP', price: 165, variableCost: 28, ancillarySpend: 30, segment: 'corporate', channel: 'direct' },
  { id: 'ADV', price: 139, variableCost: 28, ancillarySpend: 12, segment: 'leisure', channel: 'direct' },
];

// Expected arrivals per day (all rates, all lengths), the share of each length of stay, and the rate mix
// by day type: business midweek, leisure at the weekend.
const arrivalsPerDay = [45, 70, 75, 70, 50, 60, 40];
const losShare = [0.45, 0.3, 0.15, 0.1];
const midweekMix: Record<string, number> = { BAR: 0.3, OTA: 0.15, CORP: 0.45, ADV: 0.1 };
const weekendMix: Record<string, number> = { BAR: 0.25, OTA: 0.35, CORP: 0.05, ADV: 0.35 };

const hotel = hotelNetwork({
  nights: nights.map((date) => ({ date, capacity: 120 })),
  rates,
  maxLengthOfStay: 4,
  demand: (arrival, los, rate) => {
    const d = nights.indexOf(arrival);
    const mix = d >= 1 && d <= 4 ? midweekMix : weekendMix;
    return { kind: 'poisson', mean: arrivalsPerDay[d]! * losShare[los - 1]! * mix[rate.id]! };
  },
});

// The request: 40 rooms Tue–Thu at 119 a room-night through a tour operator (10 % commission),
// 10 % expected wash, breakfast and dinner bring 18 a room-night.
const group = {
  id: 'Alpine Tours spring circuit',
  nights: ['2026-03-10', '2026-03-11', '2026-03-12'],
  roomsPerNight: 40,
  rate: 119,
  wash: 0.1,
  commission: 0.1,
  variableCost: 28,
  ancillarySpend: 18,
  segment: 'tour',
};

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rooms = (x: number) => x.toFixed(1).padStart(6);
const day = (date: string) => `${weekday[nights.indexOf(date)]} ${date}`;

const r = await evaluateGroup({ hotel, group });
console.log(`\n=== ${group.id}: ${group.roomsPerNight} rooms × ${group.nights.length} nights at ${money(group.rate)} ===\n`);
for (const s of r.reasons) console.log(`• ${s}`);

if (r.status === 'ok') {
  console.log('\nNight            cap  block  taken  transient→  with group  displaced  bid price');
  for (const n of r.displacement.byNight)
    console.log(
      `${day(n.night)}  ${String(n.capacity).padStart(4)}  ${String(n.blockRooms).padStart(5)}  ${rooms(n.roomsTaken)}  ` +
        `${rooms(n.transientBefore)}      ${rooms(n.transientAfter)}    ${rooms(n.displaced)}  ${money(n.bidPrice).padStart(9)}` +
        (n.inBlock ? '' : '   (shoulder)'),
    );
  console.log('\nDisplaced by segment (room-nights, contribution):');
  for (const s of r.displacement.bySegment) console.log(`  ${s.key.padEnd(10)} ${rooms(s.roomNights)}  ${money(s.contribution).padStart(10)}`);
  console.log(
    `\nRe-optimised displacement ${money(r.displacement.cost)} vs linear bid-price estimate ${money(r.displacement.linearEstimate)}; ` +
      `group contribution ${money(r.group.contribution)}; net ${money(r.netBenefit)}; minimum acceptable rate ` +
      `${r.minimumAcceptableRate === null ? 'n/a' : money(r.minimumAcceptableRate)}.`,
  );
  console.log(`DECISION: ${r.decision.toUpperCase()}`);
  for (const o of r.counterOffers)
    console.log(`  counter (${o.kind}): ${o.roomsPerNight[0]} rooms a night at ${money(o.rate)} → net +${money(o.netBenefit)}`);
}

// The transient side of the same forecast: last room values and the length-of-stay restrictions they imply.
const lrv = await lastRoomValues(hotel);
if (lrv.status === 'optimal') {
  const los = losControls(hotel, lrv.hurdles);
  console.log('\nWithout the group — last room value (hurdle) and restrictions by arrival day:');
  console.log('Night             bid price   last room   next room   BAR open stays   ADV open stays');
  for (const n of lrv.nights) {
    const a = los.arrivals.find((x) => x.arrival === n.night)!;
    const open = (rate: string) => {
      const x = a.rates.find((q) => q.ratePlan === rate)!;
      return x.closedToArrival ? 'closed to arrival' : `${x.openLengths.join(',')} night${x.openLengths.length === 1 && x.openLengths[0] === 1 ? '' : 's'}`;
    };
    console.log(
      `${day(n.night)}  ${money(n.bidPrice).padStart(9)}  ${(n.lastRoomValue === null ? '—' : money(n.lastRoomValue)).padStart(10)}  ` +
        `${money(n.nextRoomValue).padStart(10)}   ${open('BAR').padEnd(16)} ${open('ADV')}`,
    );
  }
}
