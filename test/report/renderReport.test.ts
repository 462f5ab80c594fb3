import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import {
  bookingPaceSection,
  forecastVsActualSection,
  renderReport,
  customerProfitabilitySection,
  rateLadderSection,
  type ReportChart,
  type ReportModel,
  type ReportText,
} from '../../src/report/index.js';
import { readHotelBookingsCsv } from '../../src/history/readHotelBookingsCsv.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { YieldInputError } from '../../src/model/errors.js';
import { simulationFixture, summary, whatIfFixture } from './fixtures.js';

const money = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('renderReport', () => {
  it('renderReport(simulation, markdown) shows each policy’s mean revenue and the paired difference with its interval', async () => {
    const sim = simulationFixture();
    const md = await renderReport(sim, { format: 'markdown' });
    for (const p of sim.policies) {
      const mean = p.revenues.reduce((a, b) => a + b, 0) / p.revenues.length;
      expect(md).toContain(`| ${p.name} | ${money(mean)} |`);
    }
    const d = summary(sim.policies[2]!.revenues.map((r, t) => r - sim.policies[0]!.revenues[t]!));
    expect(md).toContain(`DLP bid prices earns ${money(d.mean)} more revenue than FCFS on the same demand (95 % interval ${money(d.low!)} to ${money(d.high!)})`);
    expect(md).toMatch(/\| perfect hindsight \(bound\) \| — \| [0-9,.]+ \|/);
    const capture = (sim.policies[0]!.metrics.contribution!.mean / sim.hindsight!.mean) * 100;
    expect(md).toContain(`FCFS earns ${capture.toFixed(1)} % of the perfect-hindsight bound.`);
  });

  it('renderReport(what-if, markdown) names a difference whose interval crosses 0 as not distinguishable', async () => {
    const wi = whatIfFixture();
    const flat = { ...wi, variations: [{ ...wi.variations[0]!, difference: { revenue: { n: 40, mean: 10, sd: 100, level: 0.95, halfWidth: 31, low: -21, high: 41 } } }] };
    const md = await renderReport(flat, { format: 'markdown' });
    expect(md).toContain('not distinguishable from no difference');
    expect(md.startsWith('# What-if: City Hotel tour group\n')).toBe(true);
  });

  it('renderReport(what-if) lists the perfect-hindsight bound on contribution when the result has it', async () => {
    const wi = whatIfFixture();
    const bound = summary(wi.baseline.revenues.map((r) => r * 0.8 + 5000));
    const md = await renderReport({ ...wi, hindsight: bound }, { format: 'markdown' });
    expect(md).toContain(`| perfect hindsight (bound) | — | ${money(bound.mean)} |`);
  });

  it('the HTML page is self-contained: every chart is an inline SVG, no script, no external URL', async () => {
    const sections = [
      customerProfitabilitySection([
        { dimension: 'segment', key: 'Corporate', roomNights: 120, revenue: 12000, contribution: 10200, cancellationRate: 0.1, noShowRate: 0.01, cancellationCost: 300, noShowCost: 40, netContribution: 9860, netContributionPerRoomNight: 82.17, averageLengthOfStay: 2.1, averageLeadTime: 12 },
      ]),
      rateLadderSection([{ arrival: '2017-03-01', lengthOfStay: 1, roomType: 'std', rate: 110, bidPriceSum: 80, margin: 30, buyProbability: 0.4, open: true }]),
    ];
    const html = await renderReport(simulationFixture(), { format: 'html', sections });
    const figures = html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBe(6); // revenue, differences, occupancy, bid prices; profitability, rate vs bid price
    for (const f of figures) expect(f).toMatch(/<svg[^>]*class="marks"/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    // the only URLs are the SVG namespaces
    const urls = (html.match(/https?:\/\/[^"'\s)]+/g) ?? []).filter((u) => !u.startsWith('http://www.w3.org/'));
    expect(urls).toEqual([]);
    expect(html).toContain('Customer profitability');
    expect(html).toContain('Rate ladder');
  });

  it('text in the model is escaped in HTML', async () => {
    const model: ReportModel = { kind: 'report', title: 'A <b> & "c"', sections: [{ id: 's', title: 'x', blocks: [{ kind: 'text', paragraphs: ['<img src=x>'] }] }] };
    const html = await renderReport(model, { format: 'html' });
    expect(html).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(html).not.toContain('<img src=x>');
  });

  it('renderReport rejects an unknown format or result with a YieldInputError naming the field', async () => {
    await expect(renderReport(simulationFixture(), { format: 'pdf' as 'html' })).rejects.toMatchObject({ name: 'YieldInputError', path: 'options.format' });
    await expect(renderReport({ kind: 'nope' } as unknown as ReportModel, { format: 'html' })).rejects.toBeInstanceOf(YieldInputError);
  });

  it('renderReport is deterministic and does not modify the result', async () => {
    const sim = simulationFixture();
    const before = JSON.stringify(sim);
    const a = await renderReport(sim, { format: 'html' });
    const b = await renderReport(sim, { format: 'html' });
    expect(a).toBe(b);
    expect(JSON.stringify(sim)).toBe(before);
  });
});

describe('history sections on the real City Hotel (Antonio, de Almeida & Nunes 2019)', () => {
  const text = gunzipSync(readFileSync(resolve('data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz'))).toString('utf8');
  const city = readHotelBookingsCsv(text).records.filter((r) => r.property === 'City Hotel');
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86400000;
  const iso = (d: number) => new Date(d * 86400000).toISOString().slice(0, 10);

  /** Independent count: room-nights on [first, first + n) of bookings known at the start of asOf. */
  function onBooks(records: readonly BookingRecord[], asOf: string, first: string, n: number): number {
    let s = 0;
    for (const r of records) {
      const booked = day(r.bookingDate);
      if (!(booked < day(asOf))) continue;
      const gone = (r.status === 'cancelled' || r.status === 'no-show') && day(r.statusDate ?? r.arrivalDate) < day(asOf);
      if (gone) continue;
      for (let k = 0; k < r.nights; k++) {
        const night = day(r.arrivalDate) + k;
        if (night >= day(first) && night < day(first) + n) s += r.rooms;
      }
    }
    return s;
  }

  it('bookingPaceSection counts the period’s room-nights on the books, this year and the same weekdays last year', () => {
    const s = bookingPaceSection(city, { firstNight: '2017-03-14', nights: 7, asOf: '2017-03-01', maxDays: 28, step: 14 });
    const rows = (s.blocks[0] as ReportChart).spec.data as { values: { daysBefore: number; year: string; rooms: number }[] };
    const thisYear = rows.values.filter((r) => r.year === 'this year');
    // 2017-03-14 − 28 and − 14 days are on or before the as-of date (2017-03-01); − 0 is not
    expect(thisYear.map((r) => r.daysBefore)).toEqual([28, 14]);
    expect(thisYear[1]!.rooms).toBe(onBooks(city, '2017-02-28', '2017-03-14', 7));
    const lastYear = rows.values.find((r) => r.year === 'last year' && r.daysBefore === 0)!;
    expect(lastYear.rooms).toBe(onBooks(city, iso(day('2017-03-14') - 364), iso(day('2017-03-14') - 364), 7));
  });

  it('forecastVsActualSection compares with the rooms of the stays on each night, and has no actual beyond the data', () => {
    const nights = ['2017-04-29', '2017-04-30', '2017-05-01'];
    const s = forecastVsActualSection(nights.map((date) => ({ date, mean: 200, sd: 10 })), city);
    const rows = ((s.blocks[0] as ReportChart).spec.layer as { data: { values: { night: string; actual: number | null }[] } }[])[0]!.data.values;
    let stayed = 0;
    for (const r of city) if (r.status === 'stayed' && r.arrivalDate <= '2017-04-29' && day(r.arrivalDate) + r.nights > day('2017-04-29')) stayed += r.rooms;
    expect(rows[0]!.actual).toBe(stayed);
    expect(rows[2]!.actual).toBeNull(); // the data's last arrival is 2017-04-30
    expect((s.blocks[1] as ReportText).paragraphs[0]).toMatch(/Over the 2 nights with an actual/);
  });
});
