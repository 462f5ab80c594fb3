/** The usage text of the command and of each subcommand (printed by --help, and with every usage error). */

export const COMMANDS = ['forecast', 'optimize', 'decide', 'evaluate-group', 'simulate', 'whatif', 'report', 'merge', 'bench'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Commands that are part of the interface but not built yet: they exit 2 and say so. */
export const NOT_AVAILABLE: Readonly<Partial<Record<CommandName, string>>> = {};

export const TOP_USAGE = `yieldcraft — yield management for perishable capacity

usage: yieldcraft <command> [options]
       yieldcraft --version | --help

commands:
  forecast        forecast occupancy and demand by segment from a hotel booking CSV (gzipped or not)
  optimize        bid prices (last room values) and length-of-stay controls from a forecast
  decide          accept or reject one booking request against saved controls
  evaluate-group  accept, decline or counter-offer a group block, with the displacement cost
  simulate        simulate booking policies on a scenario's hotel (Monte Carlo, common random numbers)
  whatif          a scenario and its variations side by side on common random numbers
  report          render a simulation or what-if result as a self-contained HTML page or Markdown
  merge           merge the shards (--shard k/n) of a simulation or what-if into the single run's result
  bench           a quick benchmark on this machine (decide, the DLP, the simulator)

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
  simulate: `usage: yieldcraft simulate <scenario.json> [options]

Simulates booking policies on the scenario's hotel booking process (demand from its history as of its
date, or given): every policy faces the same requests; means with confidence intervals, paired
differences to the first policy, and the perfect-hindsight bound with --hindsight.

options:
  --policies LIST     fcfs, emsrb-per-night, dlp, rlp, davn, dp-decomposition, lagrangian (default: the scenario's policy)
  --hindsight         also compute the perfect-hindsight bound
  --trajectories N    trajectories of the whole study (default: the scenario's, else 200)
  --shard k/n         play only shard k of n (k = 0 … n − 1) of the trajectories; merge the shard files
  --workers N         worker threads (results do not depend on it; default 1)
  --out FILE          write the result (JSON) for report / merge
  --json              print the result as JSON
  -h, --help`,
  whatif: `usage: yieldcraft whatif <scenario.json> [options]

Evaluates the scenario (the baseline) and each variation on the same demand (common random numbers):
revenue, contribution, occupancy, ADR, RevPAR, denied service with intervals, and the paired difference
to the baseline. Variations: the scenario file's "variations" array, or --variations FILE.

options:
  --variations FILE   JSON array of { name, changes: [ … ] }
  --trajectories N    trajectories of the whole study (default: the scenario's, else 200)
  --shard k/n         play only shard k of n (k = 0 … n − 1) of the trajectories; merge the shard files
  --workers N         worker threads (results do not depend on it; default 1)
  --out FILE          write the result (JSON) for report / merge
  --json              print the result as JSON
  -h, --help`,
  report: `usage: yieldcraft report <result.json> [--format html|markdown] [--out FILE]

Renders a result of simulate, whatif or merge: a self-contained HTML page (charts as inline SVG, no
script, no network) or a Markdown summary. Without --out the text goes to stdout.

options:
  --format FORMAT     html (default; markdown when --out ends in .md)
  --out FILE          write the report there and print its path
  -h, --help`,
  merge: `usage: yieldcraft merge <shard.json>… [--out FILE]

Joins the shard results of one study (simulate or whatif with --shard k/n, any order) into exactly the
result of a single run; shards of another study, gaps or overlaps are refused (exit 1).

options:
  --out FILE          write the merged result (default: print it)
  --json              print the merged result
  -h, --help`,
  bench: `usage: yieldcraft bench [--seconds N] [--json]

A quick benchmark of the installed package on this machine: decide with nested limits and with bid
prices (500 legs), the DLP of a one-year hotel (first solve in the process and warm), and the simulator
(requests replayed per second with fixed bid prices), with the CPU, Node version and load average. The
full suite with its baselines (C, R, the Topaloglu instances) is \`npm run bench\` in a clone.

options:
  --seconds N         time per throughput measurement (default 1)
  --json              print the results as JSON
  -h, --help`,
};
