/**
 * `yieldcraft evaluate-group`: the headline question — take the tour group's block at a discount, or
 * hold the rooms for transient guests? — answered by the library's `evaluateGroup` on the transient
 * hotel network of a forecast. One model of the question: the command only builds the inputs and prints.
 */
import { addDays, format, parseISO } from 'date-fns';
import { dateFlag, integerFlag, numberFlag, parseCommand, positionals, shareFlag } from '../args.js';
import { UsageError, inFileAsync } from '../errors.js';
import type { CliIo } from '../io.js';
import { evaluateGroup, type GroupBlockRequest, type GroupEvaluation } from '../../control/evaluateGroup.js';
import { transientHotel, type HotelStepOptions } from '../hotelPlan.js';
import type { ForecastDocument } from '../documents.js';
import { excludeFlag, loadForecast } from './optimize.js';
import { money, rooms, table } from '../format.js';

/** The nights of a block: `nights` consecutive dates from `arrival`. */
export function blockNights(arrival: string, nights: number): string[] {
  const a = parseISO(arrival);
  return Array.from({ length: nights }, (_, k) => format(addDays(a, k), 'yyyy-MM-dd'));
}

/** Evaluates a block against a forecast's transient hotel (exported for `npm start`). */
export async function evaluateBlock(
  doc: ForecastDocument,
  group: GroupBlockRequest,
  options: HotelStepOptions = {},
): Promise<GroupEvaluation> {
  const { hotel } = transientHotel(doc, options);
  return evaluateGroup({ hotel, group });
}

/** The evaluation as terminal text. */
export function printEvaluation(r: GroupEvaluation): string {
  let s = '';
  for (const reason of r.reasons) s += `  · ${reason}\n`;
  if (r.status === 'ok') {
    s +=
      '\n' +
      table(
        [
          ['night', 'rooms left', 'block', 'transient before', 'with group', 'displaced', 'bid price'],
          ...r.displacement.byNight.map((n) => [
            n.night + (n.inBlock ? '' : ' (shoulder)'),
            rooms(n.capacity),
            String(n.blockRooms),
            rooms(n.transientBefore),
            rooms(n.transientAfter),
            rooms(n.displaced),
            money(n.bidPrice),
          ]),
        ],
        [1, 2, 3, 4, 5, 6],
      );
    s += `\n  group contribution ${money(r.group.contribution)} · displacement cost ${money(r.displacement.cost)} · net ${money(r.netBenefit)}`;
    if (r.minimumAcceptableRate !== null) s += ` · minimum acceptable rate ${money(r.minimumAcceptableRate)}`;
    s += '\n';
  }
  if (r.status !== 'solver-failed') {
    s += `\n  decision: ${r.decision.toUpperCase()}\n`;
    for (const o of r.counterOffers)
      s += `  counter-offer (${o.kind}): ${Math.max(...o.roomsPerNight)} rooms a night at ${money(o.rate)} → net ${money(o.netBenefit)}\n`;
  }
  return s;
}

export async function evaluateGroupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parseCommand('evaluate-group', argv, {
    arrival: { type: 'string' },
    nights: { type: 'string' },
    rooms: { type: 'string' },
    rate: { type: 'string' },
    wash: { type: 'string' },
    commission: { type: 'string' },
    'variable-cost': { type: 'string' },
    ancillary: { type: 'string' },
    capacity: { type: 'string' },
    exclude: { type: 'string' },
  });
  if (p.values.help) return -1;
  const cmd = 'evaluate-group';
  const [file] = positionals(p.positionals, ['forecast.json'], cmd);
  const arrival = dateFlag(p.values.arrival, 'arrival', cmd);
  const nights = integerFlag(p.values.nights, 'nights', cmd, 1);
  const roomsPerNight = integerFlag(p.values.rooms, 'rooms', cmd, 1);
  const rate = numberFlag(p.values.rate, 'rate', cmd, 0);
  if (rate === undefined) throw new UsageError('--rate is required (money per room-night)', cmd);
  const capacity = p.values.capacity === undefined ? undefined : integerFlag(p.values.capacity, 'capacity', cmd, 1);
  const group: GroupBlockRequest = {
    nights: blockNights(arrival, nights),
    roomsPerNight,
    rate,
    wash: shareFlag(p.values.wash, 'wash', cmd),
    commission: shareFlag(p.values.commission, 'commission', cmd),
    variableCost: numberFlag(p.values['variable-cost'], 'variable-cost', cmd, 0),
    ancillarySpend: numberFlag(p.values.ancillary, 'ancillary', cmd, 0),
  };
  const doc = await loadForecast(io, file!);
  const known = new Set(doc.nights.map((n) => n.date));
  const outside = group.nights.find((n) => !known.has(n));
  if (outside !== undefined)
    throw new UsageError(`the block's night ${outside} is outside the forecast (${doc.nights[0]!.date} … ${doc.nights[doc.nights.length - 1]!.date})`, cmd);
  const r = await inFileAsync(file!, () => evaluateBlock(doc, group, { capacity, exclude: excludeFlag(p.values.exclude) }));
  if (p.values.json) io.out(JSON.stringify({ group, evaluation: r }, null, 2) + '\n');
  else io.out(`\n${roomsPerNight} rooms × ${nights} nights from ${arrival} at ${money(rate)} · ${doc.property ?? 'all properties'} as of ${doc.asOf}\n\n` + printEvaluation(r));
  return r.status === 'solver-failed' ? 1 : 0;
}
