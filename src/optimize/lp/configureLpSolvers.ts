import type { Highs } from 'highs';
import { fail, object } from '../../internal/validate.js';

/** Where HiGHS (WebAssembly) comes from; every field optional. See {@link configureLpSolvers}. */
export interface HighsLoadOptions {
  /**
   * HiGHS' own Emscripten hook: given `'highs.wasm'` (and the loader's directory), return the path or
   * URL to read it from. Needed when yieldcraft is bundled (esbuild, webpack, serverless packagers):
   * the bundle no longer sits beside `node_modules/highs/build/highs.wasm`.
   */
  readonly locateFile?: (file: string, scriptDirectory: string) => string;
  /** The bytes of `highs.wasm`, when the application reads or embeds them itself. */
  readonly wasmBinary?: ArrayBuffer | ArrayBufferView;
  /**
   * A compiled `WebAssembly.Module` of `highs.wasm` (skips compiling it again). Typed `object` so that the
   * declaration needs no DOM or Node typings; anything but a `WebAssembly.Module` is refused.
   */
  readonly wasmModule?: object;
  /**
   * How to import the `highs` JavaScript loader, e.g. `() => import('highs')` written in the
   * application, so that its bundler sees the import and bundles the loader. By default yieldcraft
   * imports `highs` by name at run time from `node_modules`, hidden from bundlers, so that a bundle
   * that never solves an LP carries no solver.
   */
  readonly loader?: () => Promise<unknown>;
}

/** Where javascript-lp-solver comes from. See {@link configureLpSolvers}. */
export interface JsLpSolverLoadOptions {
  /** How to import it, e.g. `() => import('javascript-lp-solver')`; default: by name at run time. */
  readonly loader?: () => Promise<unknown>;
}

/** The argument of {@link configureLpSolvers}. */
export interface LpSolverLoadOptions {
  readonly highs?: HighsLoadOptions;
  readonly javascriptLpSolver?: JsLpSolverLoadOptions;
}

/** The WebAssembly global (typed here: the project's `lib` has no DOM types). */
const wasm = (globalThis as unknown as {
  WebAssembly: { Module: abstract new (...args: never[]) => object; instantiate(m: object, imports: object): Promise<object> };
}).WebAssembly;

let highsOptions: HighsLoadOptions = {};
let jsOptions: JsLpSolverLoadOptions = {};
let highsLoading: Promise<Highs> | undefined;
let highsLoaded: Highs | undefined;
let jsLoading: Promise<unknown> | undefined;

/**
 * Tells yieldcraft where its LP solvers are, for applications that bundle it or ship `highs.wasm`
 * elsewhere. Call it once at start-up, before the first solve; a later call replaces the earlier
 * settings for the next load (a solver already loaded is dropped, and the next solve loads it again
 * with the new settings). Without it, both solvers are imported by name from `node_modules` on their
 * first use, which is what an unbundled Node application needs.
 *
 * The options are HiGHS' own loader options (`locateFile`, `wasmBinary`, `wasmModule`; see the `highs`
 * package) plus a `loader` per solver. See docs/bundling.md for esbuild, webpack and serverless set-ups.
 *
 * @example
 * import { configureLpSolvers } from 'yieldcraft/optimize';
 * configureLpSolvers({ highs: { locateFile: (file) => `/opt/app/${file}` } });
 * // => undefined
 */
export function configureLpSolvers(options: LpSolverLoadOptions): void {
  object(options, 'options');
  const h = options.highs === undefined ? {} : object(options.highs, 'options.highs');
  const j = options.javascriptLpSolver === undefined ? {} : object(options.javascriptLpSolver, 'options.javascriptLpSolver');
  for (const k of Object.keys(options)) {
    if (k !== 'highs' && k !== 'javascriptLpSolver') fail(`options.${k}`, "is not an option (expected 'highs' or 'javascriptLpSolver')", 'invalid');
  }
  const highs = h as HighsLoadOptions;
  for (const k of Object.keys(highs)) {
    if (!['locateFile', 'wasmBinary', 'wasmModule', 'loader'].includes(k))
      fail(`options.highs.${k}`, "is not an option (expected 'locateFile', 'wasmBinary', 'wasmModule' or 'loader')", 'invalid');
  }
  for (const k of ['locateFile', 'loader'] as const) {
    if (highs[k] !== undefined && typeof highs[k] !== 'function') fail(`options.highs.${k}`, 'must be a function', 'invalid-type');
  }
  if (highs.wasmBinary !== undefined && !(highs.wasmBinary instanceof ArrayBuffer || ArrayBuffer.isView(highs.wasmBinary)))
    fail('options.highs.wasmBinary', 'must be an ArrayBuffer or a typed array / Buffer', 'invalid-type');
  if (highs.wasmModule !== undefined && !(highs.wasmModule instanceof wasm.Module))
    fail('options.highs.wasmModule', 'must be a WebAssembly.Module', 'invalid-type');
  const js = j as JsLpSolverLoadOptions;
  for (const k of Object.keys(js)) {
    if (k !== 'loader') fail(`options.javascriptLpSolver.${k}`, "is not an option (expected 'loader')", 'invalid');
  }
  if (js.loader !== undefined && typeof js.loader !== 'function') fail('options.javascriptLpSolver.loader', 'must be a function', 'invalid-type');
  highsOptions = { ...highs };
  jsOptions = { ...js };
  highsLoading = undefined;
  highsLoaded = undefined;
  jsLoading = undefined;
}

/**
 * `import(name)` that bundlers do not follow: the solvers stay out of bundles that never solve an LP
 * (a CommonJS bundle cannot drop unused code), and an application that bundles them says so with a
 * `loader` (see configureLpSolvers).
 */
function importByName(name: string): Promise<unknown> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ name);
}

function defaultExport<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m.default ?? mod) as T;
}

function notFound(e: unknown, name: string): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && String((e as Error).message).includes(name);
}

/** Loads HiGHS once (import + WebAssembly instantiation) and returns the shared instance. @internal */
export function loadHighs(): Promise<Highs> {
  if (!highsLoading) {
    const o = highsOptions;
    const init: Record<string, unknown> = {};
    if (o.locateFile) init['locateFile'] = o.locateFile;
    if (o.wasmBinary) init['wasmBinary'] = o.wasmBinary;
    if (o.wasmModule) {
      const module = o.wasmModule;
      // Emscripten's hook for a precompiled module: instantiate it with the loader's imports.
      init['instantiateWasm'] = (imports: object, done: (instance: object) => void) => {
        void wasm.instantiate(module, imports).then(done);
        return {};
      };
    }
    const loading = (o.loader ? o.loader() : importByName('highs'))
      .catch((e: unknown) => {
        throw new Error(
          notFound(e, 'highs')
            ? "the 'highs' package is not installed or not found beside yieldcraft (if yieldcraft is bundled, give configureLpSolvers({ highs: { loader, locateFile } }): see docs/bundling.md)"
            : `importing 'highs' failed: ${(e as Error).message}`,
        );
      })
      .then((mod) => defaultExport<(o?: object) => Promise<Highs>>(mod)(init))
      .then((h) => {
        if (highsLoading === loading) highsLoaded = h;
        return h;
      });
    loading.catch(() => {
      if (highsLoading === loading) highsLoading = undefined; // allow a retry after a failed load
    });
    highsLoading = loading;
  }
  return highsLoading;
}

/** The loaded HiGHS instance, if any. @internal */
export function loadedHighs(): Highs | undefined {
  return highsLoaded;
}

/** Whether the HiGHS module has been loaded in this process (for tests of lazy loading). @internal */
export function isHighsLoaded(): boolean {
  return highsLoaded !== undefined;
}

/** Loads javascript-lp-solver once (an optional dependency). @internal */
export function loadJsLpSolverModule(): Promise<unknown> {
  if (!jsLoading) {
    const loading = (jsOptions.loader ? jsOptions.loader() : importByName('javascript-lp-solver')).catch((e: unknown) => {
      throw new Error(
        notFound(e, 'javascript-lp-solver')
          ? "'javascript-lp-solver' is not installed: it is an optional dependency of yieldcraft, needed only for solver: 'javascript-lp-solver' (npm install javascript-lp-solver)"
          : `importing 'javascript-lp-solver' failed: ${(e as Error).message}`,
      );
    });
    loading.catch(() => {
      if (jsLoading === loading) jsLoading = undefined;
    });
    jsLoading = loading;
  }
  return jsLoading;
}
