/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core (playwright's own
 * browser download cannot be fetched on our machines). The page must render, every chart must have
 * drawn marks, the console must stay free of errors, and the page must make no network request (every
 * request is routed and any that is not file: or data: fails the test). A screenshot is kept in
 * test-artifacts/report.png.
 *
 * Without /usr/bin/chromium (or YIELDCRAFT_CHROMIUM) only this test is skipped, with how to install it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { customerProfitabilitySection, rateLadderSection, renderReport } from '../../src/report/index.js';
import { simulationFixture, whatIfFixture } from './fixtures.js';

const CHROMIUM = process.env.YIELDCRAFT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available)
  console.warn(
    `[yieldcraft] skipping the browser test of the HTML report: no chromium at ${CHROMIUM}.\n` +
      '  Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or point YIELDCRAFT_CHROMIUM at a Chromium binary.',
  );

// In CI (.ci/run installs chromium) a missing browser is a failure, never a silent skip.
it.runIf(!available && process.env.CI === 'true')('chromium is installed for the browser test in CI', () => {
  expect(existsSync(CHROMIUM), `no chromium at ${CHROMIUM}: .ci/run should have installed it`).toBe(true);
});

describe.skipIf(!available)('the HTML report in headless chromium', () => {
  it.each([
    ['simulation', 'report.png'],
    ['what-if', 'report-whatif.png'],
  ] as const)('a %s report renders every chart with marks, logs no console error and requests nothing from the network', async (kind, shot) => {
    const { chromium } = await import('playwright-core');
    const html =
      kind === 'simulation'
        ? await renderReport(simulationFixture(), {
            format: 'html',
            sections: [
              customerProfitabilitySection([
                { dimension: 'segment', key: 'Corporate', roomNights: 120, revenue: 12000, contribution: 10200, cancellationRate: 0.1, noShowRate: 0.01, cancellationCost: 300, noShowCost: 40, netContribution: 9860, netContributionPerRoomNight: 82.17, averageLengthOfStay: 2.1, averageLeadTime: 12 },
                { dimension: 'segment', key: 'Groups', roomNights: 300, revenue: 21000, contribution: 14000, cancellationRate: 0.4, noShowRate: 0, cancellationCost: 2100, noShowCost: 0, netContribution: 11900, netContributionPerRoomNight: 39.67, averageLengthOfStay: 2.6, averageLeadTime: 90 },
              ]),
              rateLadderSection([
                { arrival: '2017-03-01', lengthOfStay: 1, roomType: 'std', rate: 110, bidPriceSum: 80, margin: 30, buyProbability: 0.4, open: true },
                { arrival: '2017-03-02', lengthOfStay: 1, roomType: 'std', rate: 120, bidPriceSum: 95, margin: 25, buyProbability: 0.35, open: true },
              ]),
            ],
          })
        : await renderReport(whatIfFixture(), { format: 'html' });
    const dir = mkdtempSync(join(tmpdir(), 'yc-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const profile = mkdtempSync(join(tmpdir(), 'yc-chromium-'));
    // a fresh profile directory (playwright passes it to chromium as --user-data-dir)
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => consoleErrors.push(String(e)));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
        requests.push(url);
        return route.abort();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.title()).not.toBe('');
      const charts = await page.$$eval('figure.chart', (figs) =>
        figs.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          // drawn marks: vega's mark groups hold paths, rects, circles or lines with geometry
          const marks = svg ? svg.querySelectorAll('g.mark-rect path, g.mark-line path, g.mark-symbol path, g.mark-rule line, g.mark-area path, g.mark-rect rect, g[class*="role-mark"] > *').length : 0;
          return { id: f.id, width: box?.width ?? 0, height: box?.height ?? 0, marks };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(4);
      for (const c of charts) {
        expect(c.width, c.id).toBeGreaterThan(100);
        expect(c.height, c.id).toBeGreaterThan(40);
        expect(c.marks, c.id).toBeGreaterThan(0);
      }
      expect(await page.locator('table').count()).toBeGreaterThan(0);
      expect(await page.locator('script').count()).toBe(0);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
      mkdirSync(resolve('test-artifacts'), { recursive: true });
      await page.screenshot({ path: resolve('test-artifacts', shot), fullPage: true });
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
