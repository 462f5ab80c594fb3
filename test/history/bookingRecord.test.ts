import { describe, expect, it } from 'vitest';
import {
  parseBookingRecord,
  parseBookingRecords,
  safeParseBookingRecord,
  safeParseBookingRecords,
  type BookingRecord,
} from '../../src/history/index.js';
import { YieldInputError } from '../../src/model/index.js';

const ok: BookingRecord = {
  bookingDate: '2016-05-01',
  arrivalDate: '2016-06-10',
  nights: 3,
  rooms: 1,
  segment: 'Online TA',
  rate: 98.5,
  status: 'stayed',
  statusDate: '2016-06-13',
};

function issuePaths(input: unknown): string[] {
  const r = safeParseBookingRecord(input);
  if (r.success) return [];
  return r.error.issues.map((i) => i.path.join('.'));
}

describe('parseBookingRecord(input)', () => {
  it('accepts a valid record and returns a new object with unknown keys dropped', () => {
    const input = { ...ok, extra: 1 };
    const out = parseBookingRecord(input);
    expect(out).toEqual(ok);
    expect(out).not.toBe(input);
    expect(input.extra).toBe(1);
  });

  it('names every bad field with its path', () => {
    expect(issuePaths({ ...ok, nights: 0 })).toEqual(['record.nights']);
    expect(issuePaths({ ...ok, rooms: 1.5 })).toEqual(['record.rooms']);
    expect(issuePaths({ ...ok, rate: -1 })).toEqual(['record.rate']);
    expect(issuePaths({ ...ok, rate: Number.NaN })).toEqual(['record.rate']);
    expect(issuePaths({ ...ok, rate: Number.POSITIVE_INFINITY })).toEqual(['record.rate']);
    expect(issuePaths({ ...ok, segment: '' })).toEqual(['record.segment']);
    expect(issuePaths({ ...ok, status: 'checked-out' })).toEqual(['record.status']);
    expect(issuePaths({ ...ok, arrivalDate: '2016-02-30' })).toEqual(['record.arrivalDate']);
    expect(issuePaths({ ...ok, bookingDate: undefined })).toEqual(['record.bookingDate']);
    expect(issuePaths({ ...ok, nights: 0, rate: -1 })).toEqual(['record.nights', 'record.rate']);
  });

  it('rejects impossible date orders: arrival before booking, a status change before booking, a check-out or no-show before arrival', () => {
    expect(issuePaths({ ...ok, arrivalDate: '2016-04-30' })).toEqual(['record.arrivalDate']);
    expect(issuePaths({ ...ok, status: 'cancelled', statusDate: '2016-04-30' })).toEqual(['record.statusDate']);
    expect(issuePaths({ ...ok, statusDate: '2016-06-09' })).toEqual(['record.statusDate']);
    expect(issuePaths({ ...ok, status: 'no-show', statusDate: '2016-06-09' })).toEqual(['record.statusDate']);
    // A cancellation may come on the arrival day or before it; a same-day booking is allowed.
    expect(issuePaths({ ...ok, status: 'cancelled', statusDate: '2016-06-10' })).toEqual([]);
    expect(issuePaths({ ...ok, bookingDate: '2016-06-10', statusDate: '2016-06-13' })).toEqual([]);
  });

  it('throws a YieldInputError whose path and message name the field', () => {
    expect(() => parseBookingRecord({ ...ok, nights: 0 })).toThrowError(YieldInputError);
    expect(() => parseBookingRecord({ ...ok, nights: 0 })).toThrow(/^record\.nights: must be ≥ 1/);
  });
});

describe('parseBookingRecords(input)', () => {
  it('validates a list, naming the index of the bad record', () => {
    expect(parseBookingRecords([ok, ok])).toHaveLength(2);
    const r = safeParseBookingRecords([ok, { ...ok, nights: -2 }]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.path).toBe('records[1].nights');
    expect(parseBookingRecords([])).toEqual([]);
  });
});
