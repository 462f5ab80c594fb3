/** The usage text of the command and of each subcommand (printed by --help, and with every usage error). */

export const COMMANDS = ['forecast', 'optimize', 'decide', 'evaluate-group', 'simulate', 'whatif', 'report', 'merge', 'bench'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Commands that are part of the interface but not built yet: they exit 2 and say so. */
export const NOT_AVAILABLE: Readonly<Partial<Record<CommandName, string>>> = {
  simulate: 'the hotel booking simulator it runs is not part of this version yet',
  whatif: 'the scenario runner (yieldcraft/scenario) is not part of this version yet',
  report: 'it renders simulation and what-if results, which this version cannot produce yet',
  merge: 'it merges the shards of `simulate` / `whatif`, which are not available yet',
  bench: 'run the benchmark suite from a clone of the repository with `npm run bench`',
};

export const TOP_USAGE = `yieldcraft — yield management for perishable capacity

usage: yieldcraft <command> [options]
       yieldcraft --version | --help

commands:
  forecast        forecast occupancy and demand by segment from a hotel booking CSV (gzipped or not)
  optimize        bid prices (last room values) and length-of-stay controls from a forecast
  decide          accept or reject one booking request against saved controls
  evaluate-group  accept, decline or counter-offer a group block, with the displacement cost
  simulate        (not available yet) simulate booking policies
  whatif          (not available yet) evaluate a scenario and its variations on common random numbers
  report          (not available yet) render a simulation or what-if result as HTML or Markdown
  merge           (not available yet) merge the shards of a simulation or what-if
  bench           (not available yet) benchmarks: use \`npm run bench\` in a clone

every command takes --help and --json (machine-readable output on stdout).
exit codes: 0 ok · 1 bad input file (file: field: problem) · 2 usage error`;

export const USAGE: Readonly<Record<CommandName, string>> = {
  forecast: `usage: yieldcraft forecast <bookings.csv[.gz]> --as-of YYYY-MM-DD [options]

Forecasts the nights from the as-of date on: occupancy (on the books + expected pick-up) and the demand
still to come by arrival night × segment × length of stay, from the hotel booking data set's CSV.

options:
  --as-of DATE        what is known: bookings made before this date (required)
  --horizon DAYS      nights forecast from the as-of date (default 28)
  --property NAME     one hotel of the file, e.g. "City Hotel" (default: all rows)
  --max-nights N      longest stay kept apart (default 7)
  --window N          comparable past nights per estimate (default 8)
  --out FILE          write the forecast document (JSON) for optimize / evaluate-group
  --json              print the forecast document on stdout
  -h, --help`,
  optimize: `usage: yieldcraft optimize <forecast.json> [options]

DLP bid prices (last room values) by night and length-of-stay restrictions on the transient hotel network
built from a forecast (one rate plan per segment at its average daily rate), saved as controls that
\`yieldcraft decide\` loads.

options:
  --capacity ROOMS    rooms in the hotel (default: the most rooms ever occupied before the as-of date)
  --exclude LIST      segments left out of the transient network (default "Groups,Complementary")
  --ties RULE         bid-price tie rule: accept | reject | allocation (default accept)
  --out FILE          write the controls document (JSON) for decide
  --json              print the controls document on stdout
  -h, --help`,
  decide: `usage: yieldcraft decide <controls.json> --arrival DATE --nights N --rate PLAN [options]
       yieldcraft decide <controls.json> --product ID [options]

Accepts or rejects one booking request against controls written by \`yieldcraft optimize\`.

options:
  --arrival DATE      arrival night of the stay
  --nights N          length of stay (nights)
  --rate PLAN         rate plan (a segment of the forecast, e.g. "Online TA")
  --product ID        the product id instead (e.g. "2017-03-05/2n/Corporate")
  --quantity N        rooms (default 1)
  --value MONEY       the request's value for the whole stay per room (default: the product's fare)
  --sold FILE         JSON { "night": rooms sold since the controls were made, … }
  --json              print the decision as JSON
  -h, --help`,
  'evaluate-group': `usage: yieldcraft evaluate-group <forecast.json> --arrival DATE --nights N --rooms R --rate MONEY [options]

Should the hotel take a group block at a discount, or hold the rooms for transient guests? Answered by
the library's evaluateGroup: displacement cost by re-optimising the transient DLP with and without the
block (Talluri & van Ryzin 2004, §3.4.3), the minimum acceptable rate, and counter-offers.

options:
  --arrival DATE      first night of the block
  --nights N          nights of the block
  --rooms R           rooms a night
  --rate MONEY        rate per room-night offered
  --wash SHARE        share of the block not picked up (0.1 or 10%; default 0)
  --commission SHARE  share of the rate paid to the tour operator (default 0)
  --variable-cost M   cost of an occupied room-night (default 0)
  --ancillary M       extra spend per occupied room-night (default 0)
  --capacity ROOMS    rooms in the hotel (default: as in optimize)
  --exclude LIST      segments left out of the transient network (default "Groups,Complementary")
  --json              print the evaluation as JSON
  -h, --help`,
  simulate: `usage: yieldcraft simulate … (not available yet)`,
  whatif: `usage: yieldcraft whatif … (not available yet)`,
  report: `usage: yieldcraft report … (not available yet)`,
  merge: `usage: yieldcraft merge … (not available yet)`,
  bench: `usage: npm run bench (in a clone of the repository); yieldcraft bench is not available`,
};
