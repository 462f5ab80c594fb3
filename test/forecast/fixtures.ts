/**
 * A small hand-built hotel whose booking curves are known exactly (shared by the forecast tests).
 *
 * Every night n from 2016-01-01 for `nights` nights has, in segment 'Transient' (1 room, 1 night each):
 *   A booked 10 days before, stayed;   B booked 3 days before, stayed;   C booked 1 day before, stayed;
 *   X booked 20 days before, cancelled 5 days before the night.
 * Saturdays also have, in segment 'Group', G: 2 rooms booked 4 days before, stayed.
 * So a weekday ends with 3 rooms, a Saturday with 5; on the books at lead L (as of the morning of
 * night − L) a weekday holds A if L ≤ 9, B if L ≤ 2, C if L = 0, X if 5 ≤ L ≤ 19.
 */
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { addDays, dayOfWeek, toEpochDay } from '../../src/history/epochDay.js';

export const FIRST_NIGHT = '2016-01-01';

export function handBuiltHotel(nights = 70): BookingRecord[] {
  const out: BookingRecord[] = [];
  for (let i = 0; i < nights; i++) {
    const n = addDays(FIRST_NIGHT, i);
    const rec = (id: string, lead: number, extra: Partial<BookingRecord> = {}): BookingRecord => ({
      id: `${n}-${id}`,
      bookingDate: addDays(n, -lead),
      arrivalDate: n,
      nights: 1,
      rooms: 1,
      segment: 'Transient',
      rate: 100,
      status: 'stayed',
      statusDate: addDays(n, 1),
      ...extra,
    });
    out.push(rec('A', 10), rec('B', 3), rec('C', 1), rec('X', 20, { status: 'cancelled', statusDate: addDays(n, -5) }));
    if (dayOfWeek(toEpochDay(n)) === 6) out.push(rec('G', 4, { segment: 'Group', rooms: 2, rate: 70 }));
  }
  return out;
}
