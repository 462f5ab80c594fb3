/** `yieldcraft forecast`: booking history in, a forecast document out. */
import { dateFlag, integerFlag, parseCommand, positionals } from '../args.js';
import { UsageError } from '../errors.js';
import { readBookings, writeJson, type CliIo } from '../io.js';
import { forecastDocument } from '../hotelPlan.js';
import { rooms, table } from '../format.js';
import { progressBar } from '../progress.js';
import { basename } from 'node:path';

export async function forecastCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('forecast', argv, {
    'as-of': { type: 'string' },
    horizon: { type: 'string' },
    property: { type: 'string' },
    'max-nights': { type: 'string' },
    window: { type: 'string' },
    out: { type: 'string' },
  });
  if (p.values.help) return -1;
  const [file] = positionals(p.positionals, ['bookings.csv'], 'forecast');
  const asOf = dateFlag(p.values['as-of'], 'as-of', 'forecast');
  const horizonDays = integerFlag(p.values.horizon, 'horizon', 'forecast', 1, 28);
  const maxNights = integerFlag(p.values['max-nights'], 'max-nights', 'forecast', 1, 7);
  const window = integerFlag(p.values.window, 'window', 'forecast', 1, 8);
  const bar = progressBar(io, 'forecast');
  bar.update(0, 3, 'reading');
  const { records, rejected } = await readBookings(io, file!);
  bar.update(1, 3, 'forecasting');
  const property = p.values.property;
  if (property !== undefined && !records.some((r) => r.property === property)) {
    bar.done();
    const known = [...new Set(records.map((r) => r.property).filter((x) => x !== undefined))].join(', ');
    throw new UsageError(`--property ${JSON.stringify(property)} names no hotel of ${file} (it holds: ${known || 'no property column'})`, 'forecast');
  }
  const doc = forecastDocument(records, { asOf, horizonDays, maxNights, window, property, source: basename(file!) });
  bar.update(3, 3);
  bar.done();
  if (p.values.out) await writeJson(io, p.values.out, doc);
  if (p.values.json) {
    io.out(JSON.stringify(doc, null, 2) + '\n');
    return 0;
  }
  io.out(`\nforecast · ${property ?? 'all properties'} · as of ${asOf} · ${horizonDays} nights · ${records.length.toLocaleString('en-US')} bookings read` +
    (rejected.length ? ` (${rejected.length} rows rejected: bad input in the data set)` : '') + '\n');
  if (doc.status !== 'ok') io.out(`  status: insufficient-history — too little history before ${asOf} for some nights\n`);
  io.out('\n' + table([['night', 'on the books', 'forecast', '± sd'], ...doc.nights.map((n) => [n.date, rooms(n.onTheBooks), rooms(n.mean), rooms(n.sd)])], [1, 2, 3]));
  io.out('\n' + table([['segment', 'ADR (last year)', 'room-nights'], ...doc.rates.map((r) => [r.segment, r.adr.toFixed(2), String(r.roomNights)])], [1, 2]));
  io.out(`\n  ${doc.products.length} stay products with demand to come; most rooms ever occupied: ${doc.observedCapacity}.\n`);
  if (p.values.out) io.out(`  forecast written to ${p.values.out}\n`);
  return 0;
}
