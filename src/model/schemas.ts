/**
 * The vocabulary of yieldcraft as zod schemas and readonly types: resources (units of perishable
 * capacity: a room-night, a flight leg), products (what is sold: a rate plan × stay, a fare class ×
 * itinerary; each consumes one or more resources), customer segments, channels (with commission), costs,
 * booking requests and the sold-inventory state. Parse untrusted input at the boundary with `parse*`
 * (throws a YieldInputError listing every issue with its path) or `safeParse*` (returns a union).
 *
 * Reference: Talluri & van Ryzin (2004), ch. 1 and 3 (resources, products, the network model).
 *
 * @example
 * import { parseResource } from 'yieldcraft/model';
 * parseResource({ id: '2026-03-14', capacity: 120 }); // => { id: '2026-03-14', capacity: 120 }
 */
import { z } from 'zod';
import { YieldInputError, formatPath } from './errors.js';
import { compileNetwork } from './compileNetwork.js';

const finiteNumber = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
const nonNegative = finiteNumber.refine((x) => x >= 0, { message: 'must be ≥ 0' });
const nonNegativeInt = z.number().int({ message: 'must be a whole number' }).nonnegative({ message: 'must be ≥ 0' });
const probability = finiteNumber.refine((x) => x >= 0 && x <= 1, { message: 'must be a probability in [0, 1]' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be an ISO date YYYY-MM-DD' });

export const DemandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('normal'), mean: nonNegative, sd: nonNegative }).strict(),
  z.object({ kind: z.literal('poisson'), mean: nonNegative }).strict(),
  z
    .object({ kind: z.literal('negative-binomial'), mean: nonNegative, variance: nonNegative })
    .strict()
    .refine((d) => (d.mean === 0 ? d.variance === 0 : d.variance > d.mean), {
      message: 'variance must exceed the mean (use poisson when equal)',
      path: ['variance'],
    }),
  z
    .object({ kind: z.literal('empirical'), probabilities: z.array(probability).min(1) })
    .strict()
    .refine((d) => Math.abs(d.probabilities.reduce((a, b) => a + b, 0) - 1) <= 1e-9, {
      message: 'probabilities must sum to 1',
      path: ['probabilities'],
    }),
]);

export const FareClassSchema = z.object({ id: z.string().optional(), fare: nonNegative, demand: DemandSchema });

/** A unit of perishable capacity: one night of a hotel, one flight leg. */
export const ResourceSchema = z.object({
  id: z.string().min(1),
  capacity: nonNegativeInt,
  /** The date the capacity perishes (the night, the departure), ISO. */
  date: isoDate.optional(),
  label: z.string().optional(),
});
export type Resource = Readonly<z.infer<typeof ResourceSchema>>;

/** Who buys: price sensitivity and booking-window shape are estimated in `forecast/`. */
export const SegmentSchema = z.object({
  id: z.string().min(1),
  label: z.string().optional(),
  /** Share of this segment's bookings that are cancelled, in [0, 1]. */
  cancellationRate: probability.optional(),
  /** Share of this segment's kept bookings that do not show, in [0, 1]. */
  noShowRate: probability.optional(),
  /** Ancillary spend per unit sold (breakfast, F&B), in money per unit. */
  ancillarySpend: nonNegative.optional(),
});
export type Segment = Readonly<z.infer<typeof SegmentSchema>>;

/** Where it is sold: direct, OTA, GDS, …; `commission` is a share of the price in [0, 1]. */
export const ChannelSchema = z.object({
  id: z.string().min(1),
  commission: probability.default(0),
  /** A fixed fee per booking (GDS segment fee), in money per booking. */
  feePerBooking: nonNegative.default(0),
});
export type Channel = Readonly<z.infer<typeof ChannelSchema>>;

/** Costs of serving one unit (cleaning, amenities, catering), in money per unit. */
export const CostsSchema = z.object({
  variableCostPerUnit: nonNegative.default(0),
  ancillarySpendPerUnit: nonNegative.default(0),
});
export type Costs = Readonly<z.infer<typeof CostsSchema>>;

/** What is sold: consumes one unit of each listed resource per unit sold. */
export const ProductSchema = z.object({
  id: z.string().min(1),
  /** Price (or, better, contribution) of one unit of the product, for all its resources together. */
  fare: nonNegative,
  resources: z.array(z.string().min(1)).min(1, { message: 'a product must use at least one resource' }),
  demand: z.union([DemandSchema, nonNegative]),
  segment: z.string().optional(),
  channel: z.string().optional(),
});
export type Product = Readonly<z.infer<typeof ProductSchema>>;

/** A request on the booking path: `quantity` units of a product (or of a fare class on one resource). */
export const BookingRequestSchema = z.object({
  product: z.union([z.string().min(1), nonNegativeInt]),
  quantity: z.number().int().positive().default(1),
  /** Offered value per unit; defaults to the product's fare. */
  fare: nonNegative.optional(),
});
export type BookingRequest = Readonly<z.infer<typeof BookingRequestSchema>>;

/** Units sold so far: per resource id (network) or per fare class (single resource). */
export const InventoryStateSchema = z.object({
  sold: z.record(z.string(), nonNegativeInt),
});
export type InventoryState = Readonly<z.infer<typeof InventoryStateSchema>>;

/** A resource of a network: like `ResourceSchema`, but the capacity may be fractional (a re-optimisation
 * passes expected remaining capacity). */
const NetworkResourceSchema = z.object({ id: z.string().min(1), capacity: nonNegative, date: isoDate.optional() });
/** A product of a network; its demand (a Demand, or a number: the mean) is checked by `compileNetwork`. */
const NetworkProductSchema = z.object({
  id: z.string().min(1),
  fare: nonNegative,
  resources: z.array(z.string().min(1)).min(1, { message: 'a product must use at least one resource' }),
  demand: z.custom<import('./demand.js').Demand | number>(() => true),
});

/**
 * A network (resources and the products that consume them) as a zod schema. Its structure is checked
 * here and everything else (duplicate and unknown ids, a resource listed twice, the demand) by
 * `compileNetwork`, the same check the DLP, RLP, DAVN and the bid-price controls run: `parseNetwork`
 * accepts exactly the networks they accept.
 */
export const NetworkSchema = z
  .object({ resources: z.array(NetworkResourceSchema).min(1), products: z.array(NetworkProductSchema) })
  .superRefine((n, ctx) => {
    try {
      compileNetwork(n as Network, '');
    } catch (e) {
      if (!(e instanceof YieldInputError)) throw e;
      const path = (e.path.match(/[^.[\]]+/g) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      const message = e.message.startsWith(`${e.path}: `) ? e.message.slice(e.path.length + 2) : e.message;
      ctx.addIssue({ code: 'custom', path, message });
    }
  });

type NetworkInput = z.infer<typeof NetworkSchema>;
/** A resource of a {@link Network} (derived from `NetworkSchema`). */
export type NetworkResource = Readonly<NetworkInput['resources'][number]>;
/** A product of a {@link Network} (derived from `NetworkSchema`). */
export type NetworkProduct = Readonly<Omit<NetworkInput['products'][number], 'resources'>> & { readonly resources: readonly string[] };
/** A network: the type of `NetworkSchema`'s output, read-only. */
export type Network = { readonly resources: readonly NetworkResource[]; readonly products: readonly NetworkProduct[] };

/** The result of a safeParse: the parsed value, or the error that parse would throw. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: YieldInputError };

function toError(error: z.ZodError, root: string): YieldInputError {
  const issues = error.issues.map((i) => ({
    path: root ? [root, ...(i.path as (string | number)[])] : (i.path as (string | number)[]),
    message: i.message,
    code: i.code,
  }));
  const first = issues[0]!;
  const path = formatPath(first.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  return new YieldInputError('schema', path, first.message + more, issues);
}

function parser<S extends z.ZodType>(schema: S, root: string) {
  const parse = (input: unknown): z.infer<S> => {
    const r = schema.safeParse(input);
    if (!r.success) throw toError(r.error, root);
    return r.data;
  };
  const safeParse = (input: unknown): SafeParseResult<z.infer<S>> => {
    const r = schema.safeParse(input);
    return r.success ? { success: true, data: r.data } : { success: false, error: toError(r.error, root) };
  };
  return [parse, safeParse] as const;
}

const demandParser = parser(DemandSchema, 'demand');
/**
 * Parses untrusted input as a `Demand` (normal, Poisson, negative binomial, empirical):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `demand`).
 *
 * @example
 * import { parseDemand } from 'yieldcraft/model';
 * parseDemand({ kind: 'poisson', mean: 4 }); // => { kind: 'poisson', mean: 4 }
 */
export const parseDemand = demandParser[0];
/**
 * Like `parseDemand`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseDemand` would throw).
 */
export const safeParseDemand = demandParser[1];

const fareClassesParser = parser(z.array(FareClassSchema).min(1), 'classes');
/**
 * Parses untrusted input as a non-empty list of `FareClass`es (fare and demand per class):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `classes`).
 */
export const parseFareClasses = fareClassesParser[0];
/**
 * Like `parseFareClasses`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseFareClasses` would throw).
 */
export const safeParseFareClasses = fareClassesParser[1];

const resourceParser = parser(ResourceSchema, 'resource');
/**
 * Parses untrusted input as a `Resource` (id, whole capacity ≥ 0):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `resource`).
 *
 * @example
 * import { parseResource } from 'yieldcraft/model';
 * parseResource({ id: '2026-03-14', capacity: 120 }); // => { id: '2026-03-14', capacity: 120 }
 */
export const parseResource = resourceParser[0];
/**
 * Like `parseResource`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseResource` would throw).
 */
export const safeParseResource = resourceParser[1];

const productParser = parser(ProductSchema, 'product');
/**
 * Parses untrusted input as a `Product` (id, fare, the resources it uses):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `product`).
 */
export const parseProduct = productParser[0];
/**
 * Like `parseProduct`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseProduct` would throw).
 */
export const safeParseProduct = productParser[1];

const segmentParser = parser(SegmentSchema, 'segment');
/**
 * Parses untrusted input as a customer `Segment`:
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `segment`).
 */
export const parseSegment = segmentParser[0];
/**
 * Like `parseSegment`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseSegment` would throw).
 */
export const safeParseSegment = segmentParser[1];

const channelParser = parser(ChannelSchema, 'channel');
/**
 * Parses untrusted input as a sales `Channel` (commission in [0, 1]):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `channel`).
 */
export const parseChannel = channelParser[0];
/**
 * Like `parseChannel`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseChannel` would throw).
 */
export const safeParseChannel = channelParser[1];

const costsParser = parser(CostsSchema, 'costs');
/**
 * Parses untrusted input as the `Costs` of serving one unit:
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `costs`).
 */
export const parseCosts = costsParser[0];
/**
 * Like `parseCosts`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseCosts` would throw).
 */
export const safeParseCosts = costsParser[1];

const bookingRequestParser = parser(BookingRequestSchema, 'request');
/**
 * Parses untrusted input as a `BookingRequest` (product, quantity):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `request`).
 */
export const parseBookingRequest = bookingRequestParser[0];
/**
 * Like `parseBookingRequest`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseBookingRequest` would throw).
 */
export const safeParseBookingRequest = bookingRequestParser[1];

const inventoryStateParser = parser(InventoryStateSchema, 'state');
/**
 * Parses untrusted input as an `InventoryState` (units sold per resource or class):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `state`).
 */
export const parseInventoryState = inventoryStateParser[0];
/**
 * Like `parseInventoryState`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseInventoryState` would throw).
 */
export const safeParseInventoryState = inventoryStateParser[1];

const networkParser = parser(NetworkSchema, 'network');
/**
 * Parses untrusted input as a `Network` (resources and the products that use them):
 * returns the parsed value, or throws a `YieldInputError` listing every issue with its path (rooted at `network`).
 *
 * @example
 * import { parseNetwork } from 'yieldcraft/model';
 * parseNetwork({ resources: [{ id: 'n', capacity: 10 }], products: [] }).resources.length; // => 1
 */
export const parseNetwork = networkParser[0];
/**
 * Like `parseNetwork`, without throwing: `{ success: true, data }` or `{ success: false, error }` (the
 * `YieldInputError` that `parseNetwork` would throw).
 */
export const safeParseNetwork = networkParser[1];

/** Wraps any zod schema as a parse/safeParse pair reporting YieldInputErrors (used by other domains). */
export { parser as makeParser };
