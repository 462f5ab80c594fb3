import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createHotelBookingsCsvReader,
  parseBookingRecords,
  readHotelBookingsCsv,
  streamHotelBookingsCsv,
  type BookingRecord,
  type RejectedRow,
} from '../../src/history/index.js';
import { YieldInputError } from '../../src/model/index.js';

// The header of the real file (Antonio, de Almeida & Nunes 2019, Table 1), all 32 columns.
const HEADER =
  'hotel,is_canceled,lead_time,arrival_date_year,arrival_date_month,arrival_date_week_number,' +
  'arrival_date_day_of_month,stays_in_weekend_nights,stays_in_week_nights,adults,children,babies,meal,country,' +
  'market_segment,distribution_channel,is_repeated_guest,previous_cancellations,previous_bookings_not_canceled,' +
  'reserved_room_type,assigned_room_type,booking_changes,deposit_type,agent,company,days_in_waiting_list,' +
  'customer_type,adr,required_car_parking_spaces,total_of_special_requests,reservation_status,reservation_status_date';

/** A row in the real file's layout; override cells by column name. */
function row(over: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    hotel: 'City Hotel', is_canceled: '0', lead_time: '30', arrival_date_year: '2016', arrival_date_month: 'March',
    arrival_date_week_number: '10', arrival_date_day_of_month: '1', stays_in_weekend_nights: '0',
    stays_in_week_nights: '2', adults: '2', children: '0', babies: '0', meal: 'BB', country: 'PRT',
    market_segment: 'Online TA', distribution_channel: 'TA/TO', is_repeated_guest: '0', previous_cancellations: '0',
    previous_bookings_not_canceled: '0', reserved_room_type: 'A', assigned_room_type: 'A', booking_changes: '0',
    deposit_type: 'No Deposit', agent: '9', company: 'NULL', days_in_waiting_list: '0', customer_type: 'Transient',
    adr: '95.5', required_car_parking_spaces: '0', total_of_special_requests: '1', reservation_status: 'Check-Out',
    reservation_status_date: '2016-03-03',
  };
  return HEADER.split(',').map((c) => over[c] ?? base[c]).join(',');
}

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('readHotelBookingsCsv(text) maps a row to a BookingRecord', () => {
  it('derives the booking date (arrival − lead time), the nights (weekend + week) and the status', () => {
    // 2016-03-01 − 30 days = 2016-01-31 (February 2016 has 29 days); nights 0 + 2 = 2; Check-Out → stayed.
    const { records, rejected } = readHotelBookingsCsv(csv(row()));
    expect(rejected).toEqual([]);
    expect(records).toEqual([
      {
        id: '2', property: 'City Hotel', bookingDate: '2016-01-31', arrivalDate: '2016-03-01', nights: 2, rooms: 1,
        segment: 'Online TA', channel: 'TA/TO', customerType: 'Transient', rate: 95.5, status: 'stayed',
        statusDate: '2016-03-03', repeatGuest: false, depositType: 'No Deposit', adults: 2, children: 0, roomType: 'A',
      },
    ]);
    // Every record the reader makes passes the BookingRecord schema.
    expect(() => parseBookingRecords(records)).not.toThrow();
  });

  it('maps Canceled → cancelled and No-Show → no-show with their status dates, and a lead time of 0 to a same-day booking', () => {
    const { records } = readHotelBookingsCsv(
      csv(
        row({ is_canceled: '1', reservation_status: 'Canceled', reservation_status_date: '2016-02-10' }),
        row({ is_canceled: '1', reservation_status: 'No-Show', reservation_status_date: '2016-03-01', lead_time: '0' }),
        row({ is_repeated_guest: '1', stays_in_weekend_nights: '2', stays_in_week_nights: '5', reservation_status_date: '2016-03-08' }),
      ),
    );
    expect(records.map((r) => [r.status, r.statusDate, r.bookingDate, r.nights, r.repeatGuest])).toEqual([
      ['cancelled', '2016-02-10', '2016-01-31', 2, false],
      ['no-show', '2016-03-01', '2016-03-01', 2, false],
      ['stayed', '2016-03-08', '2016-01-31', 7, true],
    ]);
  });

  it('leaves optional cells holding NA or NULL out of the record rather than inventing a value', () => {
    const { records, rejected } = readHotelBookingsCsv(csv(row({ children: 'NA', deposit_type: 'NULL' })));
    expect(rejected).toEqual([]);
    expect('children' in records[0]!).toBe(false);
    expect('depositType' in records[0]!).toBe(false);
  });

  it('can take the segment from another column', () => {
    const { records } = readHotelBookingsCsv(csv(row()), { segmentColumn: 'customer_type' });
    expect(records[0]!.segment).toBe('Transient');
  });

  it('finds columns by header name, in any order, and needs only the required ones', () => {
    const text =
      'reservation_status_date,reservation_status,adr,market_segment,stays_in_week_nights,stays_in_weekend_nights,' +
      'arrival_date_day_of_month,arrival_date_month,arrival_date_year,lead_time,is_canceled,hotel\n' +
      '2016-03-03,Check-Out,95.5,Direct,2,0,1,March,2016,30,0,Resort Hotel\n';
    const { records } = readHotelBookingsCsv(text);
    expect(records).toEqual([
      { id: '2', property: 'Resort Hotel', bookingDate: '2016-01-31', arrivalDate: '2016-03-01', nights: 2, rooms: 1,
        segment: 'Direct', rate: 95.5, status: 'stayed', statusDate: '2016-03-03' },
    ]);
  });
});

describe('readHotelBookingsCsv(text) rejects bad rows with their line and reason, never crashing', () => {
  const cases: [string, string, RejectedRow['code'], RegExp][] = [
    ['a negative rate', row({ adr: '-6.38' }), 'negative-rate', /adr: rate -6\.38 is negative/],
    ['an absurd rate (> 5,000 a night)', row({ adr: '5400' }), 'absurd-rate', /adr: rate 5400 exceeds/],
    ['a rate that is not a number', row({ adr: 'abc' }), 'invalid', /adr: "abc" is not a number/],
    ['a zero-night stay', row({ stays_in_week_nights: '0' }), 'zero-nights', /= 0/],
    ['a date that does not exist', row({ arrival_date_month: 'February', arrival_date_day_of_month: '30' }), 'impossible-date', /does not exist/],
    ['an unknown month', row({ arrival_date_month: 'Mars' }), 'invalid', /not an English month name/],
    ['a bad status date', row({ reservation_status_date: '2016-02-30' }), 'impossible-date', /reservation_status_date/],
    ['a status change before the booking', row({ is_canceled: '1', reservation_status: 'Canceled', reservation_status_date: '2016-01-30' }), 'impossible-date', /before the booking date 2016-01-31/],
    ['a check-out before arrival', row({ reservation_status_date: '2016-02-28' }), 'impossible-date', /before the arrival date/],
    ['a missing segment', row({ market_segment: '' }), 'missing', /market_segment: missing/],
    ['a missing lead time', row({ lead_time: 'NA' }), 'missing', /lead_time: missing/],
    ['a fractional lead time', row({ lead_time: '3.5' }), 'invalid', /lead_time: "3.5" is not a whole number/],
    ['a negative night count', row({ stays_in_week_nights: '-1' }), 'invalid', /stays_in_week_nights/],
    ['an unknown status', row({ reservation_status: 'Checked-In' }), 'invalid', /reservation_status/],
    ['is_canceled against the status', row({ is_canceled: '1' }), 'inconsistent', /disagrees/],
    ['too few fields', 'City Hotel,0,30', 'column-count', /expected 32 fields.*found 3/],
    ['too many fields', row() + ',extra', 'column-count', /found 33/],
  ];
  for (const [what, line, code, reason] of cases) {
    it(`rejects ${what}`, () => {
      const { records, rejected } = readHotelBookingsCsv(csv(row(), line, row()));
      expect(records.map((r) => r.id)).toEqual(['2', '4']);
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.line).toBe(3);
      expect(rejected[0]!.code).toBe(code);
      expect(rejected[0]!.reason).toMatch(reason);
    });
  }

  it('lists every problem of a row in its reason', () => {
    const { rejected } = readHotelBookingsCsv(csv(row({ adr: '-1', stays_in_week_nights: '0' })));
    expect(rejected[0]!.code).toBe('zero-nights');
    expect(rejected[0]!.reason).toMatch(/day-use.*; adr: rate -1 is negative/);
  });

  it('takes options.maxRate as the bound for absurd rates', () => {
    expect(readHotelBookingsCsv(csv(row({ adr: '400' })), { maxRate: 300 }).rejected[0]!.code).toBe('absurd-rate');
    expect(readHotelBookingsCsv(csv(row({ adr: '5400' })), { maxRate: Infinity }).rejected).toEqual([]);
    expect(() => readHotelBookingsCsv(csv(row()), { maxRate: Number.NaN })).toThrowError(YieldInputError);
    expect(() => readHotelBookingsCsv(csv(row()), { maxRate: -1 })).toThrow(/options\.maxRate/);
  });

  it('throws a YieldInputError for a file that is not in this format or is empty', () => {
    expect(() => readHotelBookingsCsv('a,b\n1,2\n')).toThrow(/text: the header has no column "hotel"/);
    expect(() => readHotelBookingsCsv('')).toThrowError(YieldInputError);
    expect(() => readHotelBookingsCsv(42 as unknown as string)).toThrow(/text: must be the CSV text/);
    expect(readHotelBookingsCsv(HEADER)).toEqual({ records: [], rejected: [] });
  });

  it('never throws on any row text, and accounts for every row as a record or a rejection', () => {
    const cell = fc.oneof(fc.constantFrom('', '0', '1', '-3', 'NA', 'NULL', '2016-02-29', 'March', '1e999', '"a,b"'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 34 }), { maxLength: 8 }), (rows) => {
        const lines = rows.map((cells) => cells.join(',').replace(/[\r\n"]/g, ''));
        const text = csv(...lines.map((l) => (l.trim() === '' ? 'x' : l)));
        const { records, rejected } = readHotelBookingsCsv(text);
        expect(records.length + rejected.length).toBe(lines.length);
        expect(() => parseBookingRecords(records)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('readHotelBookingsCsv(text) reads CSV correctly', () => {
  it('handles quoted fields with commas, doubled quotes and line breaks, and numbers rows by the line they start on', () => {
    const text = csv(row({ market_segment: '"Online, TA"' }), row({ customer_type: '"Say ""hi""\nthere"' }), row());
    const { records, rejected } = readHotelBookingsCsv(text);
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.id, r.segment, r.customerType])).toEqual([
      ['2', 'Online, TA', 'Transient'],
      ['3', 'Online TA', 'Say "hi"\nthere'],
      ['5', 'Online TA', 'Transient'], // the quoted line break used line 4
    ]);
  });

  it('accepts CRLF line ends, a UTF-8 byte-order mark, blank lines and no final line break', () => {
    const text = `\uFEFF${HEADER}\r\n${row()}\r\n\r\n${row({ adr: '80' })}`;
    const { records, rejected } = readHotelBookingsCsv(text);
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.id, r.rate, r.statusDate])).toEqual([
      ['2', 95.5, '2016-03-03'],
      ['4', 80, '2016-03-03'],
    ]);
  });

  it('rejects a row whose quoted field never closes', () => {
    const { records, rejected } = readHotelBookingsCsv(csv(row(), row({ hotel: '"City Hotel' })));
    expect(records).toHaveLength(1);
    expect(rejected).toEqual([{ line: 3, code: 'unterminated-quote', reason: expect.stringMatching(/not closed/) }]);
  });
});

describe('createHotelBookingsCsvReader() reads the same rows from chunks of any size', () => {
  const text = csv(
    row(),
    row({ market_segment: '"Groups, big"', hotel: 'Résort Hôtel' }),
    row({ adr: '-1' }),
    row({ customer_type: '"multi\nline"' }),
    row({ lead_time: '400' }),
  );
  const whole = readHotelBookingsCsv(text);

  it('gives the same records and rejections for every way of cutting the text or its UTF-8 bytes', () => {
    const bytes = new TextEncoder().encode(text);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), fc.boolean(), (cuts, asBytes) => {
        const points = [0, ...cuts.sort((a, b) => a - b), asBytes ? bytes.length : text.length];
        const reader = createHotelBookingsCsvReader();
        const records: BookingRecord[] = [];
        const rejected: RejectedRow[] = [];
        for (let j = 1; j < points.length; j++) {
          const a = points[j - 1]!;
          const b = Math.min(points[j]!, asBytes ? bytes.length : text.length);
          if (a >= b) continue;
          const batch = reader.push(asBytes ? bytes.subarray(a, b) : text.slice(a, b));
          records.push(...batch.records);
          rejected.push(...batch.rejected);
        }
        const last = reader.end();
        records.push(...last.records);
        rejected.push(...last.rejected);
        expect({ records, rejected }).toEqual(whole);
        expect(reader.rows).toBe(5);
      }),
      { numRuns: 150 },
    );
  });

  it('streamHotelBookingsCsv(chunks) yields the same rows from an async iterable', async () => {
    async function* chunks() {
      for (let i = 0; i < text.length; i += 7) yield text.slice(i, i + 7);
    }
    const records: BookingRecord[] = [];
    const rejected: RejectedRow[] = [];
    for await (const batch of streamHotelBookingsCsv(chunks())) {
      records.push(...batch.records);
      rejected.push(...batch.rejected);
    }
    expect({ records, rejected }).toEqual(whole);
  });

  it('refuses a push after end() and a second end()', () => {
    const reader = createHotelBookingsCsvReader();
    reader.push(text);
    reader.end();
    expect(() => reader.push('x')).toThrowError(YieldInputError);
    expect(() => reader.end()).toThrowError(YieldInputError);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The real data set: Antonio, de Almeida & Nunes (2019), "Hotel booking demand datasets", Data in Brief 22,
// trimmed to arrivals 2015-07-01 … 2017-04-30 (see /work/shared/data/hotel-bookings/README.md).
const DATA = fileURLToPath(
  new URL('../../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url),
);
const haveData = existsSync(DATA);
if (!haveData) console.warn(`[history] skipping the real-data tests: ${DATA} is missing`);

describe.skipIf(!haveData)('readHotelBookingsCsv on the real hotel data (skipped when the file is missing)', () => {
  const text = haveData ? gunzipSync(readFileSync(DATA)).toString('utf8') : '';
  const { records, rejected } = haveData ? readHotelBookingsCsv(text) : { records: [], rejected: [] };

  it('accounts for all 97,192 rows: records + rejected', () => {
    expect(records.length + rejected.length).toBe(97_192);
  });

  it('rejects exactly the odd rows: 666 zero-night stays, one negative and one absurd rate, one no-show dated before arrival', () => {
    // Counted independently with awk over the raw file: 666 rows with weekend + week nights = 0, one adr < 0
    // (-6.38), one adr > 5000 (5400). The no-show on line 7037 is dated 2016-03-28 for an arrival on 2016-07-17.
    const byCode: Record<string, number> = {};
    for (const r of rejected) byCode[r.code] = (byCode[r.code] ?? 0) + 1;
    expect(byCode).toEqual({ 'zero-nights': 666, 'negative-rate': 1, 'absurd-rate': 1, 'impossible-date': 1 });
    expect(rejected.find((r) => r.code === 'negative-rate')!.reason).toMatch(/-6\.38/);
    expect(rejected.find((r) => r.code === 'absurd-rate')!.reason).toMatch(/5400/);
    expect(rejected.find((r) => r.code === 'impossible-date')).toMatchObject({ line: 7037, reason: expect.stringMatching(/No-Show/) });
  });

  it('reads the statuses the README lists (Check-Out 61,969, Canceled 34,181, No-Show 1,042, less the rejected rows)', () => {
    const by: Record<string, number> = {};
    for (const r of records) by[r.status] = (by[r.status] ?? 0) + 1;
    const rejectedStatus: Record<string, number> = {};
    const lines = text.split('\n');
    for (const r of rejected) {
      const status = lines[r.line - 1]!.replace(/\r$/, '').split(',')[30]!;
      rejectedStatus[status] = (rejectedStatus[status] ?? 0) + 1;
    }
    expect(by.stayed).toBe(61_969 - (rejectedStatus['Check-Out'] ?? 0));
    expect(by.cancelled).toBe(34_181 - (rejectedStatus['Canceled'] ?? 0));
    expect(by['no-show']).toBe(1_042 - (rejectedStatus['No-Show'] ?? 0));
  });

  it('gives plausible records: arrivals 2015-07-01 … 2017-04-30, two hotels, leads < 2.5 years, rates 0 … 5000', () => {
    let minA = '9999', maxA = '0000', maxLead = 0, maxRate = 0;
    const hotels = new Set<string>();
    for (const r of records) {
      if (r.arrivalDate < minA) minA = r.arrivalDate;
      if (r.arrivalDate > maxA) maxA = r.arrivalDate;
      hotels.add(r.property!);
      const lead = (Date.parse(r.arrivalDate) - Date.parse(r.bookingDate)) / 86_400_000;
      if (lead > maxLead) maxLead = lead;
      if (r.rate > maxRate) maxRate = r.rate;
    }
    expect([minA, maxA]).toEqual(['2015-07-01', '2017-04-30']);
    expect([...hotels].sort()).toEqual(['City Hotel', 'Resort Hotel']);
    expect(maxLead).toBe(709); // awk: the largest lead_time among rows with nights > 0 (737 is a zero-night row)
    expect(maxRate).toBeLessThanOrEqual(5000);
    // awk over the raw file: only three rows have adr outside [0, 500] (-6.38, 508 and 5400), so 508 remains.
    expect(maxRate).toBe(508);
  });

  it('reads a copy saved with Unix (LF), Windows (CRLF) or old Mac OS (CR) line ends exactly as the original', () => {
    const lfText = text.replace(/\r\n/g, '\n'); // the shared file itself has CRLF line ends
    expect(lfText.length).toBeLessThan(text.length);
    for (const eol of ['\n', '\r\n', '\r']) {
      const copy = readHotelBookingsCsv(lfText.replace(/\n/g, eol));
      expect(copy.records.length, JSON.stringify(eol)).toBe(records.length);
      expect(copy.rejected).toEqual(rejected);
      expect(copy.records).toEqual(records);
    }
  });

  it('reads the same from the gzipped bytes streamed in 64 KiB chunks', async () => {
    const { createReadStream } = await import('node:fs');
    const { createGunzip } = await import('node:zlib');
    let n = 0, bad = 0;
    for await (const batch of streamHotelBookingsCsv(createReadStream(DATA).pipe(createGunzip()))) {
      n += batch.records.length;
      bad += batch.rejected.length;
    }
    expect([n, bad]).toEqual([records.length, rejected.length]);
  });
});

describe('readHotelBookingsCsv(text): line ends, impossible booking dates and duplicated columns', () => {
  const rows = [row(), row({ customer_type: '"multi\nline"' }), row({ adr: '-1' }), row({ adr: '80' })];
  const lf = csv(...rows);
  const expected = readHotelBookingsCsv(lf);

  it('reads LF, CRLF, CR-only and mixed line ends alike (a line break inside quotes comes out as LF)', () => {
    expect(expected.records).toHaveLength(3);
    expect(expected.records[1]!.customerType).toBe('multi\nline');
    const crlf = lf.replace(/\n/g, '\r\n');
    const cr = lf.replace(/\n/g, '\r');
    const mixed = [HEADER, ...rows].map((r, i) => r.replace(/\n/g, ['\r', '\r\n', '\n'][i % 3]!)).join('\r') + '\r\n';
    for (const t of [crlf, cr, mixed]) expect(readHotelBookingsCsv(t)).toEqual(expected);
  });

  it('gives the same rows for every way of cutting a CR or CRLF file into chunks, a cut between CR and LF included', () => {
    for (const eol of ['\r\n', '\r']) {
      const t = lf.replace(/\n/g, eol);
      const crlfCuts = [...t.matchAll(/\r\n/g)].map((m) => m.index! + 1); // cuts between a CR and its LF
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: t.length - 1 }), { maxLength: 10 }), fc.boolean(), (cuts, betweenCrLf) => {
          const points = [...new Set([0, ...cuts, ...(betweenCrLf ? crlfCuts : []), t.length])].sort((a, b) => a - b);
          const reader = createHotelBookingsCsvReader();
          const got: { records: BookingRecord[]; rejected: RejectedRow[] } = { records: [], rejected: [] };
          for (let j = 1; j < points.length; j++) {
            const b = reader.push(t.slice(points[j - 1], points[j]));
            got.records.push(...b.records);
            got.rejected.push(...b.rejected);
          }
          const last = reader.end();
          got.records.push(...last.records);
          got.rejected.push(...last.rejected);
          expect(got).toEqual(expected);
        }),
        { numRuns: 100 },
      );
    }
  });

  it('rejects a row whose lead time puts the booking date before 0000-01-01, as that row, in the batch and the incremental reader', () => {
    // 2016-03-01 is epoch day 16,861; 0000-01-01 is day −719,528: a lead time of 800,000 days reaches before it.
    const text = csv(row(), row({ lead_time: '800000' }), row({ adr: '80' }));
    const whole = readHotelBookingsCsv(text);
    expect(whole.records.map((r) => r.id)).toEqual(['2', '4']);
    expect(whole.rejected).toEqual([{ line: 3, code: 'impossible-date', reason: expect.stringMatching(/lead_time 800000 .*before 0000-01-01/) }]);
    const reader = createHotelBookingsCsvReader();
    const pushed = text.split('\n').map((l, i, all) => reader.push(i < all.length - 1 ? `${l}\n` : l));
    pushed.push(reader.end());
    expect({ records: pushed.flatMap((b) => b.records), rejected: pushed.flatMap((b) => b.rejected) }).toEqual(whole);
    expect(reader.rows).toBe(3);
  });

  it('accepts a lead time reaching exactly 0000-01-01', () => {
    // 2016-03-01 − 0000-01-01 = 16,861 + 719,528 = 736,389 days (independent: 2016 × 365.2425 − 1 + 60 ≈ 736,389)
    const { records, rejected } = readHotelBookingsCsv(csv(row({ lead_time: '736389' })));
    expect(rejected).toEqual([]);
    expect(records[0]!.bookingDate).toBe('0000-01-01');
  });

  it('throws a YieldInputError naming a column the header lists twice, rather than reading the first one', () => {
    const header = HEADER.replace('market_segment', 'adr');
    const err = (() => {
      try {
        readHotelBookingsCsv(`${header}\n${row()}\n`);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(YieldInputError);
    expect((err as YieldInputError).message).toMatch(/"adr" twice \(columns 15 and 28\)/);
  });
});
