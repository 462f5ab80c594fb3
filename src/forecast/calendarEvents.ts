import { array, fail, finite, join, nonNegative, object } from '../internal/validate.js';
import { parseEpochDay } from '../history/epochDay.js';

export type CalendarEffect =
  | { readonly kind: 'multiplicative'; readonly factor: number }
  | { readonly kind: 'additive'; readonly rooms: number };

export interface CalendarEvent {
  readonly name: string;
  /** First night affected, ISO YYYY-MM-DD. */
  readonly start: string;
  /** Last night affected (inclusive). */
  readonly end: string;
  readonly effect: CalendarEffect;
  /** Segments affected; all when absent. */
  readonly segments?: readonly string[];
}

export interface AdjustableNight {
  readonly date: string;
  readonly segment?: string;
  readonly mean: number;
  readonly sd: number;
  /** Rooms already committed that the event cannot change (default 0). */
  readonly floor?: number;
}

interface ParsedEvent {
  name: string;
  from: number;
  to: number;
  effect: CalendarEffect;
  segments: Set<string> | null;
}

/** Validates a list of events (paths `events[2].effect.factor`). @internal */
export function readCalendarEvents(events: unknown, path = 'events'): ParsedEvent[] {
  const list = array<unknown>(events, path);
  return list.map((raw, i) => {
    const p = join(path, i);
    const e = object(raw, p);
    if (typeof e.name !== 'string' || e.name.length === 0) fail(join(p, 'name'), 'must be a non-empty string', 'invalid-type');
    const from = parseEpochDay(e.start);
    if (Number.isNaN(from)) fail(join(p, 'start'), `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(e.start)}`);
    const to = parseEpochDay(e.end);
    if (Number.isNaN(to)) fail(join(p, 'end'), `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(e.end)}`);
    if (to < from) fail(join(p, 'end'), `must not be before start ${String(e.start)}`, 'inconsistent');
    const eff = object(e.effect, join(p, 'effect'));
    let effect: CalendarEffect;
    if (eff.kind === 'multiplicative') effect = { kind: 'multiplicative', factor: nonNegative(eff.factor, join(join(p, 'effect'), 'factor')) };
    else if (eff.kind === 'additive') effect = { kind: 'additive', rooms: finite(eff.rooms, join(join(p, 'effect'), 'rooms')) };
    else fail(join(join(p, 'effect'), 'kind'), `must be 'multiplicative' or 'additive', got ${JSON.stringify(eff.kind)}`);
    let segments: Set<string> | null = null;
    if (e.segments !== undefined) segments = new Set(array<string>(e.segments, join(p, 'segments')));
    return { name: e.name, from, to, effect, segments };
  });
}

/** Applies parsed events to one night's (mean, sd) above a floor. @internal */
export function adjustForEvents(
  events: readonly ParsedEvent[],
  day: number,
  segment: string | undefined,
  mean: number,
  sd: number,
  floor: number,
): { mean: number; sd: number; names: string[] } {
  const names: string[] = [];
  for (const e of events) {
    if (day < e.from || day > e.to) continue;
    if (e.segments && (segment === undefined || !e.segments.has(segment))) continue;
    names.push(e.name);
    if (e.effect.kind === 'multiplicative') {
      const above = Math.max(0, mean - floor);
      mean = Math.min(mean, floor) + e.effect.factor * above;
      sd *= e.effect.factor;
    } else mean = Math.max(Math.min(mean, floor), mean + e.effect.rooms);
  }
  return { mean: Math.max(0, mean), sd, names };
}

/**
 * Calendar effects beyond the season: holidays, city-wide events, shocks (weather, an outage), supplied
 * by the user as date ranges with a multiplicative or additive effect on demand, optionally for some
 * segments only, and applied to forecasts.
 *
 * Reference: Talluri & van Ryzin (2004), §9.3.4 (special events and holidays as forecast adjustments);
 * Weatherford & Kimes (2003), §5 (special events handled outside the time-series model).
 *
 * An event covers the nights `start … end` (inclusive, ISO dates). Effects compose in the order given.
 * Each acts on the part of the forecast above a floor (the rooms already committed: for a pickup
 * forecast, the expected surviving on-the-books; default 0): multiplicative `factor` k gives
 * floor + k·(mean − floor) and scales the sd by k; additive `rooms` r gives mean + r, never below the
 * floor (a negative r models a shock that removes demand). Results are never negative.
 *
 * @param nights - forecasts `{ date, segment?, mean, sd, floor? }`
 * @param events - `{ name, start, end, effect: { kind: 'multiplicative', factor } | { kind: 'additive',
 *   rooms }, segments? }`
 * @returns new night objects (same order, other fields kept) with `mean`, `sd` adjusted and `events`
 *   listing the names applied; the input is not modified
 * @example
 * import { applyCalendarEvents } from 'yieldcraft/forecast';
 * applyCalendarEvents([{ date: '2016-12-31', mean: 80, sd: 10 }],
 *   [{ name: "New Year's Eve", start: '2016-12-31', end: '2016-12-31', effect: { kind: 'multiplicative', factor: 1.25 } }]);
 * // => [{ date: '2016-12-31', mean: 100, sd: 12.5, events: ["New Year's Eve"] }]
 */
export function applyCalendarEvents<T extends AdjustableNight>(
  nights: readonly T[],
  events: readonly CalendarEvent[],
): (T & { readonly events: readonly string[] })[] {
  const list = array<unknown>(nights, 'nights');
  const parsed = readCalendarEvents(events);
  return list.map((raw, i) => {
    const p = join('nights', i);
    const n = object(raw, p) as unknown as T;
    const day = parseEpochDay(n.date);
    if (Number.isNaN(day)) fail(join(p, 'date'), `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(n.date)}`);
    const mean = nonNegative(n.mean, join(p, 'mean'));
    const sd = nonNegative(n.sd, join(p, 'sd'));
    const floor = n.floor === undefined ? 0 : nonNegative(n.floor, join(p, 'floor'));
    const r = adjustForEvents(parsed, day, n.segment, mean, sd, floor);
    return { ...n, mean: r.mean, sd: r.sd, events: r.names };
  });
}
