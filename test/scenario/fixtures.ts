import type { Scenario } from '../../src/scenario/index.js';

/** A small hotel with given demand: 3 nights of 20 rooms, two segments, a week of booking days. */
export function smallScenario(): Scenario {
  return {
    name: 'small hotel',
    hotel: {
      rooms: 20,
      walkCost: 100,
      ratePlans: [
        { id: 'BAR', price: 150, variableCost: 20 },
        { id: 'DISC', price: 90, commission: 0.1, variableCost: 20 },
      ],
      segments: {
        Business: { ratePlan: 'BAR', cancellation: 0.1 },
        Leisure: { ratePlan: 'DISC', cancellation: 0.3, noShow: 0.05 },
      },
    },
    demand: {
      source: 'given',
      asOf: '2026-05-01',
      nights: [{ date: '2026-05-08', onTheBooks: 4 }, { date: '2026-05-09', onTheBooks: 6 }, { date: '2026-05-10' }],
      products: [
        { arrivalDate: '2026-05-08', nights: 1, segment: 'Business', demand: 9 },
        { arrivalDate: '2026-05-08', nights: 2, segment: 'Leisure', demand: 12 },
        { arrivalDate: '2026-05-09', nights: 1, segment: 'Business', demand: 10 },
        { arrivalDate: '2026-05-09', nights: 2, segment: 'Leisure', demand: 8 },
        { arrivalDate: '2026-05-10', nights: 1, segment: 'Leisure', demand: 25 },
        { arrivalDate: '2026-05-10', nights: 1, segment: 'Business', demand: 5 },
      ],
    },
    policy: { kind: 'dlp' },
    simulation: { trajectories: 12, seed: 7, reoptimizations: 2 },
  };
}
