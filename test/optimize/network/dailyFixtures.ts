/** Shared fixture of the daily-form tests (not a test file). */
import type { DailyBookingProcess } from '../../../src/model/dailyBookingProcess.js';

/** Two nights (Fri, Sat), one- and two-night stays at two rates, demand by booking day (4 products a day). */
export function weekend(unitsPerDay: number[], capacity = [3, 4]): DailyBookingProcess {
  return {
    network: {
      resources: [
        { id: 'Fri', capacity: capacity[0]! },
        { id: 'Sat', capacity: capacity[1]! },
      ],
      products: [
        { id: 'Fri-BAR', fare: 120, resources: ['Fri'], demand: 0 },
        { id: 'Sat-BAR', fare: 140, resources: ['Sat'], demand: 0 },
        { id: 'FriSat-BAR', fare: 240, resources: ['Fri', 'Sat'], demand: 0 },
        { id: 'FriSat-ADV', fare: 170, resources: ['Fri', 'Sat'], demand: 0 },
      ],
    },
    days: unitsPerDay.length / 4,
    unitsPerDay,
  };
}
