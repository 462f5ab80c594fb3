/**
 * Where a command reads and writes: files (the hotel CSV gzipped or not, JSON documents), stdout for
 * results, stderr for messages and the progress bar. Commands take a {@link CliIo}, so tests run them
 * in-process and read what they printed.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readHotelBookingsCsv, type HotelBookingsCsvResult } from '../history/readHotelBookingsCsv.js';
import { InputFileError, inFile } from './errors.js';

export interface CliIo {
  /** Writes a chunk of the result (no newline added). */
  readonly out: (text: string) => void;
  /** Writes a chunk of a message (no newline added). */
  readonly err: (text: string) => void;
  /** Is stderr a terminal? (the progress bar is drawn only then) */
  readonly errIsTTY: boolean;
  /** Terminal width for the progress bar (columns). */
  readonly columns?: number;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
}

/** The process's own stdout / stderr. */
export function processIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    errIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    cwd: process.cwd(),
  };
}

/** Reads a file's bytes; a missing or unreadable file is a bad input file (exit 1). */
export async function readBytes(io: CliIo, file: string): Promise<Buffer> {
  try {
    return await readFile(resolve(io.cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(e)})`;
    throw new InputFileError(file, [{ path: '', message: why }]);
  }
}

/** Reads a text file, gunzipping it when it starts with the gzip magic bytes (whatever its name). */
export async function readText(io: CliIo, file: string): Promise<string> {
  const bytes = await readBytes(io, file);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch (e) {
      throw new InputFileError(file, [{ path: '', message: `is not a valid gzip file (${(e as Error).message})` }]);
    }
  }
  return bytes.toString('utf8');
}

/** Reads and parses a JSON file; a syntax error is a bad input file. */
export async function readJson(io: CliIo, file: string): Promise<unknown> {
  const text = await readText(io, file);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputFileError(file, [{ path: '', message: `is not valid JSON (${(e as Error).message})` }]);
  }
}

/** Reads the hotel booking CSV (Antonio et al. 2019 format), gzipped or not. */
export async function readBookings(io: CliIo, file: string): Promise<HotelBookingsCsvResult> {
  const text = await readText(io, file);
  return inFile(file, () => readHotelBookingsCsv(text));
}

/** Writes a JSON document (2-space indented, trailing newline), creating the directory if needed. */
export async function writeJson(io: CliIo, file: string, value: unknown): Promise<void> {
  const path = resolve(io.cwd, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(value, null, 2) + '\n');
}

/** Writes a text file, creating the directory if needed. */
export async function writeText(io: CliIo, file: string, text: string): Promise<void> {
  const path = resolve(io.cwd, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
