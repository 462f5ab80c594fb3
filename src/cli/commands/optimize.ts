/** `yieldcraft optimize`: a forecast document in, a controls document out (DLP bid prices, LOS controls). */
import { choiceFlag, integerFlag, parseCommand, positionals } from '../args.js';
import { inFile, inFileAsync } from '../errors.js';
import { readJson, writeJson, type CliIo } from '../io.js';
import { parseForecastDocument, type ControlsDocument, type ForecastDocument } from '../documents.js';
import { transientHotel, type HotelStepOptions } from '../hotelPlan.js';
import { dlp } from '../../optimize/network/dlp.js';
import { lastRoomValues } from '../../control/lastRoomValue.js';
import { losControls } from '../../control/los.js';
import { bidPriceControls, type BidPriceTieRule } from '../../control/bidPriceControls.js';
import { money, rooms, table } from '../format.js';
import { progressBar } from '../progress.js';

/** Reads `--exclude a,b` (undefined: the default). */
export function excludeFlag(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

export async function loadForecast(io: CliIo, file: string): Promise<ForecastDocument> {
  const json = await readJson(io, file);
  return inFile(file, () => parseForecastDocument(json));
}

/** The controls of a forecast: what `optimize` writes. Exported for `npm start`. */
export async function controlsOf(
  doc: ForecastDocument,
  options: HotelStepOptions & { ties?: BidPriceTieRule; onProgress?: (done: number, total: number) => void },
): Promise<{ status: 'ok'; document: ControlsDocument } | { status: 'solver-failed'; message: string }> {
  const { hotel, capacity } = transientHotel(doc, options);
  const n = hotel.resources.length;
  let solves = 0;
  const total = 2 * n + 2;
  const solve = async (net: Parameters<typeof dlp>[0]) => {
    const r = await dlp(net);
    options.onProgress?.(++solves, total);
    return r;
  };
  const base = await solve(hotel);
  if (base.status !== 'optimal' || base.bidPrices === null) return { status: 'solver-failed', message: `the DLP returned status '${base.status}'` };
  const lrv = await lastRoomValues(hotel, { solve });
  if (lrv.status !== 'optimal') return { status: 'solver-failed', message: lrv.message };
  const controls = bidPriceControls(hotel, base, { ties: options.ties ?? 'accept' });
  const los = losControls(hotel, lrv.hurdles);
  const forecastBy = new Map(doc.nights.map((x) => [x.date, x]));
  return {
    status: 'ok',
    document: {
      kind: 'yieldcraft-controls',
      version: 1,
      property: doc.property,
      asOf: doc.asOf,
      capacity,
      controls: JSON.parse(JSON.stringify(controls)) as ControlsDocument['controls'],
      nights: lrv.nights.map((x) => ({
        night: x.night,
        onTheBooks: forecastBy.get(x.night)?.onTheBooks ?? 0,
        capacity: x.capacity,
        bidPrice: x.bidPrice,
        lastRoomValue: x.lastRoomValue,
        forecast: forecastBy.get(x.night)?.mean ?? 0,
      })),
      los: los.arrivals,
    },
  };
}

export async function optimizeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('optimize', argv, {
    capacity: { type: 'string' },
    exclude: { type: 'string' },
    ties: { type: 'string' },
    out: { type: 'string' },
  });
  if (p.values.help) return -1;
  const [file] = positionals(p.positionals, ['forecast.json'], 'optimize');
  const capacity = p.values.capacity === undefined ? undefined : integerFlag(p.values.capacity, 'capacity', 'optimize', 1);
  const ties = choiceFlag(p.values.ties, 'ties', 'optimize', ['accept', 'reject', 'allocation'] as const, 'accept');
  const doc = await loadForecast(io, file!);
  const bar = progressBar(io, 'optimize');
  const r = await inFileAsync(file!, () => controlsOf(doc, { capacity, exclude: excludeFlag(p.values.exclude), ties, onProgress: (d, t) => bar.update(d, t) }));
  bar.done();
  if (r.status !== 'ok') {
    io.err(`yieldcraft optimize: the LP solver failed: ${r.message}\n`);
    return 1;
  }
  const out = r.document;
  if (p.values.out) await writeJson(io, p.values.out, out);
  if (p.values.json) {
    io.out(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  io.out(`\nbid prices · ${out.property ?? 'all properties'} · as of ${out.asOf} · ${out.capacity} rooms\n\n`);
  const byArrival = new Map(out.los.map((a) => [a.arrival, a]));
  io.out(
    table(
      [
        ['night', 'on the books', 'forecast', 'rooms left', 'bid price', 'last room value', 'open stays'],
        ...out.nights.map((x) => {
          const a = byArrival.get(x.night);
          const open = !a || a.closedToArrival ? 'closed to arrival' : a.minStay === a.maxStay ? `${a.minStay} n` : `${a.minStay}–${a.maxStay} n`;
          return [x.night, rooms(x.onTheBooks), rooms(x.forecast), rooms(x.capacity), money(x.bidPrice), x.lastRoomValue === null ? '—' : money(x.lastRoomValue), open];
        }),
      ],
      [1, 2, 3, 4, 5],
    ),
  );
  if (p.values.out) io.out(`\n  controls written to ${p.values.out} (yieldcraft decide ${p.values.out} --arrival … --nights … --rate …)\n`);
  return 0;
}
