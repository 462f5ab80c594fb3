/**
 * `yieldcraft/history`: booking records in; booking curves, on-the-books snapshots "as of" a date,
 * occupancy by night, pick-up and censoring marks out; a CSV reader for the real hotel data set.
 */
export * from './epochDay.js';
export * from './bookingRecord.js';
export * from './readHotelBookingsCsv.js';
