/**
 * The files the commands exchange, as versioned JSON documents validated with zod (every problem is
 * reported with its path: `controls.json: controls.bidPrices.2017-03-05: …`).
 *
 * - `yieldcraft-forecast` (written by `forecast`, read by `optimize` and `evaluate-group`): the
 *   property, the as-of date, the total occupancy forecast by night (with what is on the books), the
 *   demand still to come by arrival × segment × length of stay, and the average rate of each segment.
 * - `yieldcraft-controls` (written by `optimize`, read by `decide`): the bid-price controls as plain
 *   data (`JSON.stringify` of compiled controls; `compileControls` takes them back), the per-night last
 *   room values and the length-of-stay restrictions they imply.
 */
import { z } from 'zod';
import { makeParser } from '../model/schemas.js';
import type { Demand } from '../model/demand.js';
import type { ControlsSpec } from '../control/controls.js';
import type { LosArrival } from '../control/los.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const nonNegative = z.number().finite().min(0);

const DemandSchema = z.union([
  z.object({ kind: z.literal('normal'), mean: nonNegative, sd: nonNegative }),
  z.object({ kind: z.literal('poisson'), mean: nonNegative }),
  z.object({ kind: z.literal('negative-binomial'), mean: nonNegative, variance: nonNegative }),
  z.object({ kind: z.literal('empirical'), probabilities: z.array(nonNegative).min(1) }),
]);

export const ForecastDocumentSchema = z.object({
  kind: z.literal('yieldcraft-forecast'),
  version: z.literal(1),
  source: z.string(),
  property: z.string().nullable(),
  asOf: isoDate,
  horizonDays: z.number().int().min(1),
  maxNights: z.number().int().min(1),
  status: z.enum(['ok', 'insufficient-history']),
  /** The highest number of rooms occupied on a night before asOf: a capacity when none is given. */
  observedCapacity: z.number().int().min(0),
  nights: z
    .array(z.object({ date: isoDate, onTheBooks: nonNegative, mean: nonNegative, sd: nonNegative }))
    .min(1, 'must hold at least one night'),
  rates: z.array(z.object({ segment: z.string().min(1), adr: nonNegative, roomNights: nonNegative })),
  products: z.array(
    z.object({ arrival: isoDate, segment: z.string().min(1), nights: z.number().int().min(1), demand: DemandSchema }),
  ),
});

export interface ForecastDocument {
  readonly kind: 'yieldcraft-forecast';
  readonly version: 1;
  readonly source: string;
  readonly property: string | null;
  readonly asOf: string;
  readonly horizonDays: number;
  readonly maxNights: number;
  readonly status: 'ok' | 'insufficient-history';
  readonly observedCapacity: number;
  readonly nights: readonly { readonly date: string; readonly onTheBooks: number; readonly mean: number; readonly sd: number }[];
  readonly rates: readonly { readonly segment: string; readonly adr: number; readonly roomNights: number }[];
  readonly products: readonly { readonly arrival: string; readonly segment: string; readonly nights: number; readonly demand: Demand }[];
}

export const ControlsDocumentSchema = z.object({
  kind: z.literal('yieldcraft-controls'),
  version: z.literal(1),
  property: z.string().nullable(),
  asOf: isoDate,
  capacity: z.number().int().min(0),
  /** The controls as plain data; `compileControls` validates them in depth. */
  controls: z.looseObject({ kind: z.enum(['bid-prices', 'nested-limits']) }),
  nights: z.array(
    z.object({
      night: isoDate,
      onTheBooks: nonNegative,
      capacity: nonNegative,
      bidPrice: nonNegative,
      lastRoomValue: nonNegative.nullable(),
      forecast: nonNegative,
    }),
  ),
  los: z.array(z.looseObject({ arrival: isoDate })),
});

export interface ControlsDocument {
  readonly kind: 'yieldcraft-controls';
  readonly version: 1;
  readonly property: string | null;
  readonly asOf: string;
  /** Rooms of the hotel (the controls' capacities are the rooms still to sell). */
  readonly capacity: number;
  readonly controls: ControlsSpec;
  readonly nights: readonly {
    readonly night: string;
    readonly onTheBooks: number;
    readonly capacity: number;
    readonly bidPrice: number;
    readonly lastRoomValue: number | null;
    readonly forecast: number;
  }[];
  readonly los: readonly LosArrival[];
}

const [parseForecast] = makeParser(ForecastDocumentSchema, '');
const [parseControls] = makeParser(ControlsDocumentSchema, '');

/** Validates a forecast document (YieldInputError with every problem's path). */
export function parseForecastDocument(json: unknown): ForecastDocument {
  return parseForecast(json) as ForecastDocument;
}

/** Validates a controls document (the controls themselves are checked by `compileControls`). */
export function parseControlsDocument(json: unknown): ControlsDocument {
  return parseControls(json) as unknown as ControlsDocument;
}
