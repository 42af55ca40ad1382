import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '/work/wt/names/scripts/chromium.ts';
const [,, url, w='390', h='844'] = process.argv;
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
await page.goto(url);
await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 20000 });
await page.waitForTimeout(3000);
console.log(JSON.stringify(await page.evaluate(async () => {
  const m = window.__map;
  const data = await m.getSource('basemap-country-names').getData();
  return { zoom: m.getZoom(), size: [m.getContainer().clientWidth, m.getContainer().clientHeight], data: data.features.map(f => [f.properties.name, m.project(f.geometry.coordinates)]), drawn: m.queryRenderedFeatures({ layers: ['basemap-country-labels-local', 'basemap-country-labels'] }).map(f => [f.layer.id, f.properties.name]) };
})));
await browser.close();
