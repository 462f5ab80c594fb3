/**
 * `npm start`: the mission end to end on real data, from the repository alone (the hotel data ships in
 * data/hotel-bookings/). On the City Hotel of Antonio, de Almeida & Nunes (2019) as of 1 March 2017:
 * booking history → forecast by segment → DLP bid prices and length-of-stay controls → a tour group's
 * 40-room, 3-night block at a discount evaluated (accept, decline or counter-offer, with reasons) →
 * an HTML report (bid prices, booking pace against last year, forecast against actual, the group).
 *
 * Options: `--out DIR` (default `yieldcraft-report/`), `--as-of`, `--horizon`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { processIo, readBookings, writeText } from './io.js';
import { forecastDocument } from './hotelPlan.js';
import { controlsOf } from './commands/optimize.js';
import { blockNights, evaluateBlock, printEvaluation } from './commands/evaluateGroup.js';
import { progressBar } from './progress.js';
import { money, rooms, table } from './format.js';
import { renderReport } from '../report/renderReport.js';
import { bidPriceSection, bookingPaceSection, forecastVsActualSection, groupEvaluationSection, reservedSections } from '../report/sections.js';

const DATA = fileURLToPath(new URL('../../data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
const PROPERTY = 'City Hotel';

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: 'string', default: 'yieldcraft-report' }, 'as-of': { type: 'string', default: '2017-03-01' }, horizon: { type: 'string', default: '21' } },
    strict: true,
  });
  const io = processIo();
  const asOf = values['as-of'];
  const horizonDays = Number(values.horizon);
  const t0 = Date.now();
  const say = (s: string) => io.out(s + '\n');
  say(`\nyieldcraft · ${PROPERTY} (Antonio, de Almeida & Nunes 2019, CC BY 4.0) · as of ${asOf}\n`);

  const bar = progressBar(io, 'working');
  bar.update(0, 10, 'reading the bookings');
  const { records } = await readBookings(io, DATA);
  const city = records.filter((r) => r.property === PROPERTY);
  bar.update(2, 10, 'forecasting');
  const forecast = forecastDocument(city, { asOf, horizonDays, property: PROPERTY, source: 'data/hotel-bookings' });
  bar.update(3, 10, 'bid prices');
  const controls = await controlsOf(forecast, { onProgress: (d, t) => bar.update(3 + (4 * d) / t, 10, 'bid prices') });
  if (controls.status !== 'ok') {
    bar.done();
    io.err(`the LP solver failed: ${controls.message}\n`);
    return 1;
  }
  const c = controls.document;
  bar.update(7, 10, 'the group');

  // The tour group: 40 rooms for the 3 quietest consecutive nights of the horizon's second week, at a
  // 25 % discount on the Offline TA/TO (tour operator) average rate, 10 % wash, 10 % commission.
  const left = c.nights.map((n) => n.capacity);
  let start = 7;
  for (let i = 7; i + 2 < Math.min(left.length, 14); i++)
    if (Math.min(left[i]!, left[i + 1]!, left[i + 2]!) > Math.min(left[start]!, left[start + 1]!, left[start + 2]!)) start = i;
  const tourRate = forecast.rates.find((r) => r.segment === 'Offline TA/TO')?.adr ?? 90;
  const group = { id: 'tour group', nights: blockNights(c.nights[start]!.night, 3), roomsPerNight: 40, rate: Math.round(tourRate * 0.75), wash: 0.1, commission: 0.1 };
  const evaluation = await evaluateBlock(forecast, group);
  bar.update(8, 10, 'the report');

  const html = await renderReport(
    {
      kind: 'report',
      title: `${PROPERTY}: from booking history to a decision`,
      subtitle: `as of ${asOf} · ${horizonDays} nights · ${c.capacity} rooms`,
      sections: [
        groupEvaluationSection(evaluation, `A tour group: ${group.roomsPerNight} rooms × 3 nights at ${money(group.rate)}`),
        bidPriceSection(c.nights),
        bookingPaceSection(city, { firstNight: asOf, nights: horizonDays, asOf }),
        forecastVsActualSection(forecast.nights, city),
        ...reservedSections(),
      ],
      sources: [
        'Data: N. Antonio, A. de Almeida, L. Nunes, “Hotel booking demand datasets”, Data in Brief 22 (2019) 41–49, doi:10.1016/j.dib.2018.11.126 (CC BY 4.0).',
        'Capacity: the most rooms the hotel ever had occupied before the as-of date (the data set does not give it).',
      ],
    },
    { format: 'html' },
  );
  const path = resolve(io.cwd, values.out, 'report.html');
  await writeText(io, path, html);
  bar.update(10, 10);
  bar.done();

  say(`forecast (occupied rooms) and bid prices, first ${Math.min(10, c.nights.length)} nights:`);
  say(
    table(
      [
        ['night', 'on the books', 'forecast', 'rooms left', 'bid price'],
        ...c.nights.slice(0, 10).map((n) => [n.night, rooms(n.onTheBooks), rooms(n.forecast), rooms(n.capacity), money(n.bidPrice)]),
      ],
      [1, 2, 3, 4],
    ),
  );
  say(`the tour group: ${group.roomsPerNight} rooms × 3 nights from ${group.nights[0]} at ${money(group.rate)} (10 % wash, 10 % commission)`);
  io.out(printEvaluation(evaluation));
  say(`\nwhat-if (accept vs decline; FCFS vs EMSR-b vs DLP vs hindsight; business demand −15 %): needs the hotel booking simulator, not in this version yet.`);
  say(`\nreport: ${path}`);
  say(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`npm start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
