/**
 * An incremental CSV row splitter (RFC 4180): feed text in chunks of any size, get each complete row's
 * fields and the 1-based line number where the row starts. Quoted fields may contain commas, doubled
 * quotes (`""` → `"`) and line breaks; line ends may be LF or CRLF (a CRLF inside a quoted field comes
 * out as LF), or CR alone (old Mac OS files), in any mix, split anywhere across chunks. Blank lines are skipped (they hold no row). Rows without a quote take a fast path
 * (field bounds found with `indexOf`, no string per field). Only the current incomplete line is held in
 * memory.
 *
 * Reference: Y. Shafranovich, "Common Format and MIME Type for Comma-Separated Values (CSV) Files",
 * RFC 4180 (2005), §2.
 * @internal
 */

/**
 * One row, valid only during the callback (the object and its arrays are reused for the next row).
 * Unquoted rows keep `text` and the bounds of each field, so readers can parse numbers in place without
 * allocating a string per field; quoted rows come as `list`.
 */
export interface CsvRow {
  /** Number of fields. */
  count: number;
  /** The line, for an unquoted row (fields are text.slice(starts[i], ends[i])); else null. */
  text: string | null;
  starts: Int32Array;
  ends: Int32Array;
  /** The fields of a quoted row; else null. */
  list: string[] | null;
  /** Field i as a string (i < count). */
  field(i: number): string;
}

export type CsvRowHandler = (row: CsvRow, line: number) => void;
/** A quoted field still open at the end of the input: the row starting on `line` is incomplete. */
export type CsvErrorHandler = (line: number, message: string) => void;

export interface CsvRowSplitter {
  /** Splits every complete line of `text` (appended to what came before) into rows. */
  push(text: string, onRow: CsvRowHandler): void;
  /** Flushes the last line (one without a final line break) and reports an unterminated quote. */
  end(onRow: CsvRowHandler, onError: CsvErrorHandler): void;
  /** Physical lines consumed so far. */
  readonly lines: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export function createCsvRowSplitter(): CsvRowSplitter {
  const row: CsvRow = {
    count: 0,
    text: null,
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    list: null,
    field(i: number): string {
      if (this.list !== null) return this.list[i] as string;
      return (this.text as string).slice(this.starts[i], this.ends[i]);
    },
  };
  function unquoted(text: string): void {
    let n = 0;
    let from = 0;
    for (;;) {
      if (n === row.starts.length) {
        const s2 = new Int32Array(n * 2);
        s2.set(row.starts);
        row.starts = s2;
        const e2 = new Int32Array(n * 2);
        e2.set(row.ends);
        row.ends = e2;
      }
      const c = text.indexOf(',', from);
      row.starts[n] = from;
      if (c < 0) {
        row.ends[n++] = text.length;
        break;
      }
      row.ends[n++] = c;
      from = c + 1;
    }
    row.count = n;
    row.text = text;
    row.list = null;
  }
  let tail = ''; // text after the last line break seen
  let skipLF = false; // the last chunk ended with CR: a LF opening the next one belongs to that CRLF
  let line = 0; // physical lines consumed
  // State of a row whose quoted field spans lines:
  let open = false;
  let fields: string[] = [];
  let field = '';
  let startLine = 0;

  function parseLine(raw: string, onRow: CsvRowHandler): void {
    line++;
    const text = raw.length > 0 && raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
    let i = 0;
    let inQuotes = false;
    if (open) {
      field += '\n';
      inQuotes = true;
    } else {
      if (text.length === 0) return;
      if (text.indexOf('"') < 0) {
        unquoted(text);
        onRow(row, line);
        return;
      }
      fields = [];
      field = '';
      startLine = line;
    }
    for (;;) {
      if (inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          open = true; // the quoted field continues on the next line
          return;
        }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
          continue;
        }
        inQuotes = false;
        i = q + 1;
        // Text between a closing quote and the next comma is kept as is (lenient, like most readers).
        const c = text.indexOf(',', i);
        if (c < 0) {
          fields.push(field + text.slice(i));
          break;
        }
        fields.push(field + text.slice(i, c));
        field = '';
        i = c + 1;
      } else if (text.charCodeAt(i) === QUOTE) {
        inQuotes = true;
        field = '';
        i++;
      } else {
        const c = text.indexOf(',', i);
        if (c < 0) {
          fields.push(text.slice(i));
          break;
        }
        fields.push(text.slice(i, c));
        i = c + 1;
      }
    }
    open = false;
    row.list = fields;
    row.count = fields.length;
    row.text = null;
    fields = [];
    field = '';
    onRow(row, startLine);
  }

  return {
    push(text, onRow) {
      let from = 0;
      if (skipLF && text.length > 0) {
        skipLF = false;
        if (text.charCodeAt(0) === LF) from = 1;
      }
      // Line breaks: LF, CRLF or a lone CR. The next CR is looked up again only once passed, so an
      // LF-only file costs one failed search for CR per chunk.
      let cr = text.indexOf('\r', from);
      let lf = text.indexOf('\n', from);
      let first = true;
      for (;;) {
        if (cr >= 0 && cr < from) cr = text.indexOf('\r', from);
        if (lf >= 0 && lf < from) lf = text.indexOf('\n', from);
        if (cr < 0 && lf < 0) break;
        let end: number;
        let next: number;
        if (cr >= 0 && (lf < 0 || cr < lf)) {
          end = cr;
          if (cr + 1 < text.length) next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
          else {
            next = cr + 1;
            skipLF = true;
          }
        } else {
          end = lf;
          next = lf + 1;
        }
        const piece = text.slice(from, end);
        if (first) {
          parseLine(tail + piece, onRow);
          tail = '';
          first = false;
        } else parseLine(piece, onRow);
        from = next;
      }
      tail = first ? tail + text.slice(from) : text.slice(from);
    },
    end(onRow, onError) {
      const last = tail;
      tail = '';
      skipLF = false;
      if (last.length > 0) parseLine(last, onRow);
      if (open) {
        open = false;
        fields = [];
        field = '';
        onError(startLine, 'a quoted field is not closed before the end of the input');
      }
    },
    get lines() {
      return line;
    },
  };
}
