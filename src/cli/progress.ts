/**
 * A progress bar on stderr for long work, drawn only when stderr is a terminal (silent in pipes, logs
 * and CI), so stdout stays clean for `--json`.
 */
import type { CliIo } from './io.js';

export interface Progress {
  /** Sets the work done so far, in [0, total]. */
  update(done: number, total: number, label?: string): void;
  /** Clears the bar. */
  done(): void;
}

/** A progress bar on `io.err` when `io.errIsTTY`, otherwise a no-op. */
export function progressBar(io: CliIo, title: string): Progress {
  if (!io.errIsTTY) return { update() {}, done() {} };
  let last = -1;
  let drawn = false;
  return {
    update(done, total, label) {
      const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
      const pct = Math.floor(share * 100);
      if (pct === last && label === undefined) return;
      last = pct;
      const columns = Math.max(40, Math.min(io.columns ?? 80, 100));
      const width = Math.max(10, columns - title.length - 30);
      const full = Math.round(share * width);
      const text = `${title} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${String(pct).padStart(3)} %${label ? ` ${label}` : ''}`;
      io.err(`\r${text.slice(0, columns - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) io.err('\r\x1b[K');
      drawn = false;
    },
  };
}
