/**
 * `npm start`: the mission end to end on real data, from the repository alone (the hotel data ships in
 * data/hotel-bookings/). On the City Hotel of Antonio, de Almeida & Nunes (2019) as of 1 March 2017:
 * booking history → forecast by segment → DLP bid prices and length-of-stay controls → a tour group's
 * 40-room, 3-night block at a discount evaluated (accept, decline or counter-offer, with reasons) →
 * what-if on common random numbers (the scenario data/scenarios/city-hotel-march-2017.json: accept vs
 * decline the group; FCFS vs EMSR-b limits vs DLP bid prices vs the perfect-hindsight bound; business
 * demand −15 %) → a short table and an HTML report (the group, the what-if, bid prices, booking pace
 * against last year, forecast against actual).
 *
 * Options: `--out DIR` (default `yieldcraft-report/`), `--trajectories N` (default 30).
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { processIo, readBookings, readJson, writeText } from './io.js';
import { parseScenario, parseVariations } from '../scenario/scenario.js';
import { whatIf } from '../scenario/whatIf.js';
import { whatIfTable } from './commands/study.js';
import { forecastDocument } from './hotelPlan.js';
import { controlsOf } from './commands/optimize.js';
import { blockNights, evaluateBlock, printEvaluation } from './commands/evaluateGroup.js';
import { progressBar } from './progress.js';
import { money, rooms, table } from './format.js';
import { renderReport } from '../report/renderReport.js';
import { bidPriceSection, bookingPaceSection, customerProfitabilitySection, forecastVsActualSection, groupEvaluationSection, whatIfSections } from '../report/sections.js';
import { segmentProfitability } from '../customer/segmentProfitability.js';
import { format, parseISO, subDays } from 'date-fns';
import { historyAsOf } from '../history/historyAsOf.js';

const DATA = fileURLToPath(new URL('../../data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
const SCENARIO_NAME = 'data/scenarios/city-hotel-march-2017.json';
const SCENARIO = fileURLToPath(new URL(`../../${SCENARIO_NAME}`, import.meta.url));
const PROPERTY = 'City Hotel';

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { out: { type: 'string', default: 'yieldcraft-report' }, trajectories: { type: 'string', default: '30' } },
    strict: true,
  });
  const io = processIo();
  const file = await readJson(io, SCENARIO);
  const scenario = parseScenario(file);
  const variations = parseVariations((file as { variations: unknown }).variations);
  if (scenario.demand.source !== 'history') throw new Error(`${SCENARIO}: demand.source must be 'history'`);
  const asOf = scenario.demand.asOf;
  const horizonDays = scenario.demand.horizonDays;
  const trajectories = Number(values.trajectories);
  if (!Number.isInteger(trajectories) || trajectories < 2) throw new Error(`--trajectories must be a whole number ≥ 2, got ${values.trajectories}`);
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
  // The scenario's rate plans by segment (price, commission, variable cost): the same money in every step.
  const plans = new Map(scenario.hotel.ratePlans.map((r) => [r.id, r]));
  const rates = Object.fromEntries(
    Object.entries(scenario.hotel.segments).map(([segment, s]) => {
      const { id: _id, ...plan } = plans.get(s.ratePlan)!;
      return [segment, plan];
    }),
  );
  const controls = await controlsOf(forecast, { capacity: scenario.hotel.rooms, rates, onProgress: (d, t) => bar.update(2 + (2 * d) / t, 10, 'bid prices') });
  if (controls.status !== 'ok') {
    bar.done();
    io.err(`the LP solver failed: ${controls.message}\n`);
    return 1;
  }
  const c = controls.document;
  bar.update(7, 10, 'the group');

  // The tour group of the scenario's 'accept' variation: 40 rooms × 3 nights at a discount.
  const accept = variations.flatMap((v) => v.changes).find((c) => c.kind === 'group');
  if (accept?.kind !== 'group') throw new Error(`${SCENARIO}: no variation accepts a group`);
  const g = accept.group;
  const group = { id: g.id, nights: blockNights(g.arrivalDate, g.nights), roomsPerNight: g.rooms, rate: g.rate, wash: g.wash, commission: g.commission, variableCost: g.variableCost };
  const evaluation = await evaluateBlock(forecast, group, { capacity: scenario.hotel.rooms, rates });
  bar.update(4, 10, 'what-if');
  const study = await whatIf(scenario, variations, {
    history: city,
    trajectories,
    workers: 2,
    onProgress: (d, t) => bar.update(4 + (5 * d) / t, 10, `what-if ${d}/${t}`),
  });
  if (study.status !== 'ok') {
    bar.done();
    io.err(`what-if: ${study.message}\n`);
    return 1;
  }
  bar.update(9, 10, 'the report');

  const html = await renderReport(
    {
      kind: 'report',
      title: `${PROPERTY}: from booking history to a decision`,
      subtitle: `as of ${asOf} · ${horizonDays} nights · ${c.capacity} rooms`,
      sections: [
        groupEvaluationSection(evaluation, `A tour group: ${group.roomsPerNight} rooms × 3 nights at ${money(group.rate)}`),
        ...whatIfSections(study),
        bidPriceSection(c.nights),
        bookingPaceSection(city, { firstNight: asOf, nights: horizonDays, asOf }),
        forecastVsActualSection(forecast.nights, city),
        // the customer mix of the past year (stays known as of the date): segments and channels
        customerProfitabilitySection(
          segmentProfitability(
            historyAsOf(city, asOf).filter((r) => r.arrivalDate >= format(subDays(parseISO(asOf), 365), 'yyyy-MM-dd')),
            { by: ['segment', 'channel'] },
          ),
          'Customer profitability, the year before the as-of date',
        ),
      ],
      sources: [
        'Data: N. Antonio, A. de Almeida, L. Nunes, “Hotel booking demand datasets”, Data in Brief 22 (2019) 41–49, doi:10.1016/j.dib.2018.11.126 (CC BY 4.0).',
        'Capacity: the most rooms the hotel ever had occupied before the as-of date (the data set does not give it).',
        `Scenario: ${SCENARIO_NAME} — ${scenario.description ?? ''}`,
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
  say(`the tour group: ${group.roomsPerNight} rooms × 3 nights from ${group.nights[0]} at ${money(group.rate)} (${Math.round((g.wash ?? 0) * 100)} % wash, ${Math.round((g.commission ?? 0) * 100)} % commission)`);
  io.out(printEvaluation(evaluation));
  io.out(whatIfTable(study));
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
