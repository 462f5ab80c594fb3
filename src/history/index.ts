/**
 * `yieldcraft/history`: booking records in; booking curves, on-the-books snapshots "as of" a date,
 * occupancy by night, pick-up and censoring marks out; a CSV reader for the real hotel data set, and
 * the reader of the published network instances of Topaloglu (2009).
 */
// daysFromCivil, daysInMonth, parseEpochDay, isIsoDate are internal helpers (import the file directly)
export { toEpochDay, fromEpochDay, addDays, dayOfWeek } from './epochDay.js';
export * from './bookingRecord.js';
export * from './readHotelBookingsCsv.js';
export * from './parseTopalogluInstance.js';
export * from './recordDates.js';
export {
  bookingTable,
  NEVER,
  STATUS_ACTIVE,
  STATUS_CANCELLED,
  STATUS_NO_SHOW,
  STATUS_STAYED,
  type BookingTable,
} from './bookingTable.js';
export {
  gridRows,
  gridValue,
  NIGHT_GRID_DEFAULTS,
  type GridMeasure,
  type GridRow,
  type NightGrid,
  type NightGridOptions,
} from './nightGrid.js';
export { historyAsOf } from './historyAsOf.js';
export { onTheBooks } from './onTheBooks.js';
export { occupancyByNight } from './occupancyByNight.js';
export * from './pickup.js';
export * from './bookingCurves.js';
export * from './censoring.js';
export * from './rollup.js';
export { selectProperty, propertiesOf, SELECT_PROPERTY_DEFAULTS } from './selectProperty.js';
export { estimateCapacity, ESTIMATE_CAPACITY_DEFAULTS, type EstimateCapacityOptions, type CapacityEstimate } from './estimateCapacity.js';
