import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { COMMANDS } from '../../src/cli/usage.js';

const DATA = resolve('data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz');

function capture(cwd: string, tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), errIsTTY: tty, columns: 80, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function run(argv: string[], cwd = tmpdir(), tty = false) {
  const c = capture(cwd, tty);
  const code = await runCli(argv, c.io);
  return { code, stdout: c.out(), stderr: c.err() };
}

describe('the yieldcraft command line', () => {
  it('yieldcraft --version prints the package version and exits 0', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('yieldcraft --help lists every command and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c);
  });

  it.each(COMMANDS)('yieldcraft %s --help prints that command’s usage on stdout and exits 0', async (c) => {
    const r = await run([c, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: /);
    expect(r.stderr).toBe('');
  });

  it('no command, an unknown command, or an unknown flag is a usage error: exit 2 with the usage on stderr', async () => {
    for (const argv of [[], ['frobnicate'], ['--frobnicate'], ['forecast', 'x.csv', '--as-of', '2017-03-01', '--frobnicate']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/usage: yieldcraft/);
    }
    expect((await run(['forecast', 'x.csv', '--as-of', '2017-03-01', '--frobnicate'])).stderr).toContain("'--frobnicate'");
  });

  it('malformed flag values are usage errors naming the flag (dates are checked as calendar dates)', async () => {
    const cases: [string[], RegExp][] = [
      [['forecast', DATA, '--as-of', '2017-02-30'], /--as-of must be a calendar date/],
      [['forecast', DATA, '--as-of', '1 March 2017'], /--as-of must be a calendar date/],
      [['forecast', DATA], /--as-of is required/],
      [['forecast', DATA, '--as-of', '2017-03-01', '--horizon', '2.5'], /--horizon must be a whole number/],
      [['forecast', '--as-of', '2017-03-01'], /missing <bookings.csv>/],
      [['evaluate-group', 'f.json', '--arrival', '2017-03-14', '--nights', '3', '--rooms', '40', '--rate', '80', '--wash', '150%'], /--wash must be a share/],
      [['optimize', 'f.json', '--ties', 'maybe'], /--ties must be one of accept, reject, allocation/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('yieldcraft bench takes no file (exit 2 with its usage) and measures decide, the DLP and the simulator (--json)', async () => {
    const bad = await run(['bench', 'anything.json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    const r = await run(['bench', '--seconds', '1', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { machine: { cores: number; node: string }; results: { what: string; value: number; unit: string }[] };
    expect(out.machine.node).toBe(process.version);
    expect(out.results.map((x) => x.unit)).toEqual(['decisions/s', 'decisions/s', 'ms', 'ms', 'requests/s']);
    for (const x of out.results) expect(x.value).toBeGreaterThan(0);
  }, 120_000);

  it('a missing file, a file that is not JSON, and a document with bad fields exit 1 with file: field: problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yc-cli-'));
    writeFileSync(join(dir, 'broken.json'), '{ "kind": ');
    writeFileSync(
      join(dir, 'bad-forecast.json'),
      JSON.stringify({ kind: 'yieldcraft-forecast', version: 1, source: 'x', property: null, asOf: '2017-3-1', horizonDays: 0, maxNights: 7,
        status: 'ok', observedCapacity: 10, nights: [{ date: '2017-03-01', onTheBooks: -1, mean: 1, sd: 0 }], rates: [], products: [] }),
    );
    let r = await run(['optimize', 'nowhere.json'], dir);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('nowhere.json: no such file\n');
    r = await run(['optimize', 'broken.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^broken\.json: is not valid JSON/);
    r = await run(['optimize', 'bad-forecast.json'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('bad-forecast.json: asOf: must be a date YYYY-MM-DD');
    expect(lines.some((l) => l.startsWith('bad-forecast.json: horizonDays: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('bad-forecast.json: nights[0].onTheBooks: '))).toBe(true);
  });

  it('a controls file whose controls are inconsistent exits 1 naming the field under controls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yc-cli-'));
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({ kind: 'yieldcraft-controls', version: 1, property: null, asOf: '2017-03-01', capacity: 10, nights: [], los: [],
        controls: { kind: 'bid-prices', resources: [{ id: 'n1', capacity: 10 }], products: [{ id: 'p', fare: 100, resources: ['n1'] }], bidPrices: { n1: -5 } } }),
    );
    const r = await run(['decide', 'c.json', '--product', 'p'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^c\.json: controls\.[^:]*n1[^:]*: /);
  });
});

describe('forecast → optimize → decide on the real City Hotel (Antonio, de Almeida & Nunes 2019)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yc-cli-'));
  let forecast: { nights: { date: string; onTheBooks: number }[]; products: unknown[]; observedCapacity: number };

  beforeAll(async () => {
    const r = await run(['forecast', DATA, '--as-of', '2017-03-01', '--horizon', '14', '--property', 'City Hotel', '--out', 'f.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    forecast = JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8'));
  });

  it('reads the gzipped CSV and the plain CSV alike', async () => {
    writeFileSync(join(dir, 'plain.csv'), gunzipSync(readFileSync(DATA)));
    const r = await run(['forecast', 'plain.csv', '--as-of', '2017-03-01', '--horizon', '14', '--property', 'City Hotel', '--json'], dir);
    expect(r.code).toBe(0);
    const plain = JSON.parse(r.stdout);
    expect({ ...plain, source: '' }).toEqual({ ...forecast, source: '' });
  });

  it('the forecast covers the horizon from the as-of date with what is on the books', () => {
    expect(forecast.nights.map((n) => n.date)).toEqual(Array.from({ length: 14 }, (_, k) => `2017-03-${String(k + 1).padStart(2, '0')}`));
    expect(forecast.nights.every((n) => n.onTheBooks > 0)).toBe(true);
    expect(forecast.products.length).toBeGreaterThan(0);
  });

  it('an unknown --property is a usage error naming the hotels of the file', async () => {
    const r = await run(['forecast', DATA, '--as-of', '2017-03-01', '--property', 'Beach Hotel'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/City Hotel, Resort Hotel|Resort Hotel, City Hotel/);
  });

  it('optimize writes controls that decide loads in another process, with the same verdict as the bid prices say', async () => {
    const r = await run(['optimize', 'f.json', '--capacity', '226', '--out', 'c.json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as {
      controls: { products: { id: string; fare: number; resources: string[] }[]; bidPrices: Record<string, number> };
    };
    // Pick a product and compute the verdict independently: accept iff fare ≥ Σ bid prices of its nights.
    const product = doc.controls.products.find((p) => p.resources.length === 2 && p.id.endsWith('/Online TA'))!;
    const hurdle = product.resources.reduce((s, n) => s + doc.controls.bidPrices[n]!, 0);
    const child = spawnSync(process.execPath, ['--import', pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href, resolve('src/cli/main.ts'), 'decide', 'c.json', '--product', product.id, '--json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(child.status, child.stderr).toBe(0);
    const decision = JSON.parse(child.stdout) as { accept: boolean; hurdle: number };
    expect(decision.hurdle).toBeCloseTo(hurdle, 9);
    expect(decision.accept).toBe(product.fare >= hurdle - 1e-9 * Math.max(1, hurdle));
  });

  it('decide by arrival, nights and rate names the product of the hotel network; an unknown rate plan is a usage error', async () => {
    const first = forecast.nights[0]!.date;
    const ok = await run(['decide', 'c.json', '--arrival', first, '--nights', '1', '--rate', 'Direct'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^(ACCEPT|REJECT) /);
    const bad = await run(['decide', 'c.json', '--arrival', first, '--nights', '1', '--rate', 'Gold'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rate plans: .*Direct/);
  });

  it('evaluate-group answers with the library’s evaluateGroup (accept, reject or counter-offer, with reasons)', async () => {
    const r = await run(['evaluate-group', 'f.json', '--arrival', '2017-03-12', '--nights', '3', '--rooms', '20', '--rate', '90', '--capacity', '300', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const { evaluation } = JSON.parse(r.stdout) as { evaluation: { status: string; decision: string; reasons: string[] } };
    expect(evaluation.status).toBe('ok');
    expect(['accept', 'reject', 'counter-offer']).toContain(evaluation.decision);
    expect(evaluation.reasons.length).toBeGreaterThan(0);
  });

  it('the progress bar goes to stderr only when stderr is a terminal', async () => {
    const quiet = await run(['optimize', 'f.json', '--json'], dir, false);
    expect(quiet.stderr).toBe('');
    const tty = await run(['optimize', 'f.json', '--json'], dir, true);
    expect(tty.stderr).toMatch(/optimize \[.*%/);
    expect(JSON.parse(tty.stdout)).toEqual(JSON.parse(quiet.stdout));
  });
});
