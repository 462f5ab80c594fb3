import { describe, expect, it } from 'vitest';
import { departureDate, leadTime, stayNights } from '../../src/history/index.js';

describe('departureDate / leadTime / stayNights', () => {
  const r = { bookingDate: '2016-02-20', arrivalDate: '2016-02-28', nights: 3 };
  it('the stay of 3 nights from 28 Feb 2016 covers the leap day and departs on 2 March', () => {
    expect(stayNights(r)).toEqual(['2016-02-28', '2016-02-29', '2016-03-01']);
    expect(departureDate(r)).toBe('2016-03-02');
    expect(leadTime(r)).toBe(8);
  });
  it('crosses the year end', () => {
    expect(departureDate({ arrivalDate: '2016-12-30', nights: 3 })).toBe('2017-01-02');
    expect(leadTime({ bookingDate: '2015-12-31', arrivalDate: '2016-01-01' })).toBe(1);
  });
  it('rejects bad dates and night counts', () => {
    expect(() => stayNights({ arrivalDate: '2016-02-30', nights: 1 })).toThrow(/^record\.arrivalDate: /);
    expect(() => departureDate({ arrivalDate: '2016-02-01', nights: 0 })).toThrow(/^record\.nights: /);
  });
});
