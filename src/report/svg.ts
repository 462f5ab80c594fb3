/**
 * Draws a Vega-Lite specification to an SVG string without a browser: Vega-Lite compiles it to a Vega
 * specification and vega's headless `View` renders it (`renderer: 'none'`, then `toSVG()`), the way
 * vega's own command-line tools do. Both packages are loaded on first use (`import()`), so importing
 * yieldcraft never loads them, and they work from ESM and CJS builds alike.
 *
 * Why Vega-Lite + vega: a declarative grammar (a chart is plain JSON, easy to test and to keep in a
 * report model), maintained by the University of Washington IDL with regular releases, server-side SVG
 * rendering built in (no DOM, no canvas needed for SVG), and ESM builds that run on Node 20. The SVG
 * needs no script to display, so the HTML report stays self-contained.
 */
import { fail, object } from '../internal/validate.js';

interface VegaModule {
  parse(spec: unknown, config?: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: 'none'; logLevel?: number }) => { toSVG(scale?: number): Promise<string>; finalize(): void };
}
interface VegaLiteModule {
  compile(spec: unknown): { spec: unknown };
}

let loading: Promise<{ vega: VegaModule; vegaLite: VegaLiteModule }> | undefined;

function load(): Promise<{ vega: VegaModule; vegaLite: VegaLiteModule }> {
  loading ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({
    vega: vega as unknown as VegaModule,
    vegaLite: vegaLite as unknown as VegaLiteModule,
  }));
  return loading;
}

/** Renders one Vega-Lite spec (data inlined) to SVG markup. */
export async function vegaLiteToSvg(spec: Readonly<Record<string, unknown>>): Promise<string> {
  const s = object(spec, 'spec');
  if (!('mark' in s) && !('layer' in s) && !('concat' in s) && !('hconcat' in s) && !('vconcat' in s) && !('facet' in s) && !('repeat' in s))
    fail('spec', 'must be a Vega-Lite spec (with mark, layer or a composition)', 'invalid');
  const { vega, vegaLite } = await load();
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
