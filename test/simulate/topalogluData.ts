/**
 * Access to the Topaloglu (2009) network RM instances and the paper's published results in
 * ../shared/data/topaloglu-2009/ (outside the repo; never copied in). Tests that need them use
 * `describe.skipIf(!HAS_TOPALOGLU_DATA)` and say so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseTopalogluInstance, type TopalogluInstance } from '../../src/history/parseTopalogluInstance.js';

/** /work/shared/data/topaloglu-2009/ as seen from the repo root (test/simulate → ../../../shared). */
export const TOPALOGLU_DIR = fileURLToPath(new URL('../../../shared/data/topaloglu-2009/', import.meta.url));
export const HAS_TOPALOGLU_DATA = existsSync(`${TOPALOGLU_DIR}published-results.csv`);
export const MISSING_DATA_MESSAGE = `Topaloglu (2009) instances not found in ${TOPALOGLU_DIR} (expected ../shared/data/topaloglu-2009/ next to the repo): skipped`;

export function readTopalogluText(name: string): string {
  return gunzipSync(readFileSync(`${TOPALOGLU_DIR}${name}.txt.gz`)).toString('utf8');
}

export function readTopalogluInstance(name: string): TopalogluInstance {
  return parseTopalogluInstance(readTopalogluText(name));
}

export interface PublishedRow {
  readonly instance: string;
  readonly periods: number;
  readonly spokes: number;
  readonly alpha: number;
  readonly kappa: number;
  readonly legs: number;
  readonly itineraries: number;
  readonly total_capacity: number;
  readonly lr_bound: number;
  readonly dlp_bound: number;
  readonly rlp_bound: number;
  readonly rlp_bound_ci95: number;
  readonly revenue_lr: number;
  readonly revenue_dlp: number;
  readonly revenue_rlp: number;
  readonly revenue_dfd: number;
  readonly revenue_rfd: number;
}

/** published-results.csv (the paper's tables), one row per instance. */
export function publishedResults(): Map<string, PublishedRow> {
  const lines = readFileSync(`${TOPALOGLU_DIR}published-results.csv`, 'utf8').trim().split(/\r?\n/);
  const head = lines[0]!.split(',');
  const out = new Map<string, PublishedRow>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const row: Record<string, string | number> = {};
    head.forEach((h, k) => (row[h] = k === 0 ? f[k]! : Number(f[k])));
    out.set(String(row.instance), row as unknown as PublishedRow);
  }
  return out;
}
