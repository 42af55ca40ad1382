import { DEFAULT_LAYERS } from '../../src/lib/data/types';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { distinctColours } from './helpers';
import { shippedModel } from '../support/model';
import { oembedResponse } from '../../src/lib/embed/snippets';
import { chosenPlace, embedFrame, expectHeightFollows, frameMapIdle, heights, HOST_ORIGIN, hostEvents, MAP_ORIGIN, openHost, watchEmbed } from './embed-helpers';

const model = shippedModel();
const coordinates = (id: string) => (model.places.find((p) => p.id === id)!.geometry as unknown as { coordinates: [number, number] }).coordinates;

/** Sends a message from the host page to the first embed, as any script of the host could. */
const post = (page: Page, data: unknown) =>
  page.evaluate((d) => document.querySelector('iframe')!.contentWindow!.postMessage(d, '*'), data);

/** Asks the embed for its state and waits for the reply: every earlier message has been handled. */
async function roundTrip(page: Page): Promise<Record<string, any>> {
  const before = (await hostEvents(page)).length;
  await post(page, { type: 'khojaly-map:get-state', version: 1 });
  await expect.poll(async () => (await hostEvents(page)).slice(before).some((e) => e.type === 'khojaly-map:state')).toBe(true);
  return (await hostEvents(page)).slice(before).find((e) => e.type === 'khojaly-map:state')!.state;
}

test('the loader turns the div into an iframe on the map’s origin that draws the map and stays on its origin', async ({ page, context }) => {
  const { seen, frame } = await openHost(page);
  const src = await page.locator('#map-one iframe').getAttribute('src');
  expect(src).toBe(`${MAP_ORIGIN}/embed.html?host=${encodeURIComponent(HOST_ORIGIN)}`);
  const png = await page.locator('#map-one iframe').screenshot();
  expect(await distinctColours(page, png)).toBeGreaterThan(20);
  const ready = (await hostEvents(page)).find((e) => e.type === 'khojaly-map:ready');
  expect(ready).toMatchObject({ version: 1, state: { place: null, layers: [...DEFAULT_LAYERS] } });
  expect(seen.errors).toEqual([]);
  expect(seen.offOrigin).toEqual([]);
  expect(seen.scripts.length).toBeGreaterThan(0);
  expect(await context.cookies()).toEqual([]);
  expect(await frame.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, '']);
});

test('the iframe’s height follows the embed’s content', async ({ page }) => {
  const { frame } = await openHost(page);
  const start = await expectHeightFollows(page, frame);
  await frame.locator('[data-testid="embed-sources"] summary').click();
  await expect(frame.locator('[data-testid="source-panel"]')).toBeVisible();
  const withSources = await expectHeightFollows(page, frame);
  expect(withSources).toBeGreaterThan(start + 100);
  await frame.locator('[data-testid="embed-place-select"]').selectOption('khojaly');
  await expect(frame.locator('[data-testid="passage-card"]')).toBeVisible();
  expect(await expectHeightFollows(page, frame)).toBeGreaterThan(withSources);
});

test('with a place chosen, the iframe’s height follows the window’s width', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  const { frame } = await openHost(page);
  await frame.locator('[data-testid="embed-place-select"]').selectOption('khojaly');
  await expect(frame.locator('[data-testid="passage-card"]')).toBeVisible();
  const wide = await expectHeightFollows(page, frame);
  await page.setViewportSize({ width: 400, height: 900 });
  await expect.poll(async () => (await heights(page, frame)).iframe).toBeLessThan(wide - 30);
  const narrow = await expectHeightFollows(page, frame);
  expect(narrow).toBeLessThan(wide - 30);
});

test('before a place is chosen, a phone-wide embed keeps a map at least 340 px tall', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 900 });
  const { frame } = await openHost(page);
  expect((await frame.getByTestId('map').boundingBox())!.height).toBeGreaterThanOrEqual(340);
});

test('the host selects a place and the embed shows it, without echoing it as the reader’s choice', async ({ page }) => {
  const { frame, seen } = await openHost(page);
  await page.locator('#show-aghdam').click();
  await expect(frame.locator('[data-testid="passage-card"]')).toHaveAttribute('aria-label', /Aghdam/);
  expect(await chosenPlace(frame)).toBe('aghdam');
  await frameMapIdle(frame);
  const center = await frame.evaluate(() => (window as any).__map.getCenter());
  expect(center.lng).toBeCloseTo(coordinates('aghdam')[0], 1);
  expect(center.lat).toBeCloseTo(coordinates('aghdam')[1], 1);
  const state = await roundTrip(page);
  expect(state).toMatchObject({ place: 'aghdam' });
  expect((await hostEvents(page)).filter((e) => e.type === 'khojaly-map:select')).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('the embed reports the reader’s selection to the host, from the map and from the place chooser', async ({ page }) => {
  const { frame } = await openHost(page);
  const box = (await page.locator('#map-one iframe').boundingBox())!;
  const at = await frame.evaluate((ll) => (window as any).__map.project(ll), coordinates('khojavand'));
  await page.mouse.click(box.x + at.x + 2, box.y + at.y - 4);
  await expect(page.locator('#picked')).toHaveText('khojavand');
  expect(await chosenPlace(frame)).toBe('khojavand');
  await frame.locator('[data-testid="embed-place-select"]').selectOption('khankendi');
  await expect(page.locator('#picked')).toHaveText('khankendi');
  expect((await hostEvents(page)).filter((e) => e.type === 'khojaly-map:select')).toEqual([
    { type: 'khojaly-map:select', version: 1, place: 'khojavand', cite: 0 },
    { type: 'khojaly-map:select', version: 1, place: 'khankendi', cite: 0 }
  ]);
});

test('the host API moves the camera and chooses the layers', async ({ page }) => {
  const { frame } = await openHost(page);
  await page.evaluate(() => (window as any).KhojalyMap.embeds[0].setView({ zoom: 10, lat: 39.95, lng: 46.8 }));
  await page.evaluate(() => (window as any).KhojalyMap.embeds[0].setLayers(['khojaly', 'escape-route']));
  const state = await roundTrip(page);
  expect(state.layers).toEqual(['khojaly', 'escape-route']);
  expect(state.hash).toContain('layers=khojaly,escape-route');
  const view = await frame.evaluate(() => ({ zoom: (window as any).__map.getZoom(), center: (window as any).__map.getCenter() }));
  expect(view.zoom).toBeCloseTo(10, 1);
  expect(view.center.lat).toBeCloseTo(39.95, 2);
  await expect(frame.locator('input[data-layer-id]:checked')).toHaveCount(2);
});

test('malformed messages, and messages from a window other than the parent, change nothing', async ({ page }) => {
  const { frame, seen } = await openHost(page);
  const before = await roundTrip(page);
  const junk: unknown[] = [
    null, 42, 'khojaly-map:select', [], { type: 'khojaly-map:select' }, { type: 'khojaly-map:select', place: 'nowhere' },
    { type: 'khojaly-map:select', place: '<img src=x onerror="document.title=1">' }, { type: 'khojaly-map:select', place: 'aghdam', version: 2 },
    { type: 'khojaly-map:select', place: 'aghdam', cite: -1 }, { type: 'khojaly-map:select', place: ['aghdam'] },
    { type: 'khojaly-map:view', view: { zoom: '9', lat: 1, lng: 2 } }, { type: 'khojaly-map:view', view: { zoom: 99, lat: 0, lng: 0 } },
    { type: 'khojaly-map:view', zoom: 3, lat: 0, lng: 0 }, { type: 'khojaly-map:layers', layers: 'khojaly' },
    { type: 'khojaly-map:layers', layers: ['nope'] }, { type: 'other:select', place: 'aghdam' }, { type: 'KHOJALY-MAP:SELECT', place: 'aghdam' }
  ];
  for (const data of junk) await post(page, data);
  await page.evaluate(
    () =>
      new Promise((loaded) => {
        const sibling = document.createElement('iframe');
        sibling.srcdoc = `<script>parent.frames[0].postMessage({ type: 'khojaly-map:select', place: 'aghdam', version: 1 }, '*')</script>`;
        sibling.onload = loaded;
        document.body.append(sibling);
      })
  );
  expect(await roundTrip(page), 'the state reply comes after every earlier message was handled').toEqual(before);
  expect(await chosenPlace(frame)).toBe('');
  await expect(frame.locator('input[data-layer-id]:checked')).toHaveCount(DEFAULT_LAYERS.length);
  expect(await frame.locator('img').count()).toBe(0);
  expect(seen.errors).toEqual([]);
  await post(page, { type: 'khojaly-map:select', place: 'aghdam' });
  await expect.poll(() => chosenPlace(frame)).toBe('aghdam');
});

test('embed options: a fixed height, no panel, a static map and the dark theme', async ({ page }) => {
  const seen = watchEmbed(page);
  await page.goto(`${HOST_ORIGIN}/options.html`);
  const frame = await embedFrame(page);
  await expect(frame.locator('[data-testid="embed"]')).toHaveAttribute('data-theme', 'dark');
  expect(await chosenPlace(frame)).toBe('khojaly');
  expect(await frame.evaluate(() => (window as any).__map.getZoom())).toBeCloseTo(11, 1);
  expect(await frame.evaluate(() => (window as any).__map.dragPan.isEnabled())).toBe(false);
  await expect(frame.locator('.maplibregl-ctrl-zoom-in')).toHaveCount(0);
  await expect(frame.locator('[data-testid="passage-card"], [data-testid="embed-sources"]')).toHaveCount(0);
  await expect(frame.locator('[data-testid="embed-picked"]')).toContainText('Khojaly');
  await expect.poll(() => page.evaluate(() => (window as any).__events.some((e: any) => e?.type === 'khojaly-map:ready'))).toBe(true);
  await page.evaluate(() => (window as any).KhojalyMap.embeds[0].select('mothers-cry'));
  await expect(frame.locator('[data-testid="embed-picked"]')).toContainText('Mother');
  expect((await page.locator('iframe').boundingBox())!.height).toBe(400);
  expect(seen.errors).toEqual([]);
});

test('“Open the full map” carries the current state to the full map in a new tab', async ({ page }) => {
  const { frame } = await openHost(page);
  await frame.locator('[data-testid="embed-place-select"]').selectOption('aghdam');
  const link = frame.locator('[data-testid="open-full-map"]');
  await expect(link).toHaveAttribute('href', /#.*place=aghdam/);
  await expect(link).toHaveAttribute('target', '_blank');
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  expect(href.startsWith(`${MAP_ORIGIN}/#`)).toBe(true);
});

test('the embed loads no export or dialog code, and less JavaScript than the full app', async ({ browser }) => {
  /** Every script a fresh page loads until its map has drawn, with its size. */
  const scripts = async (path: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const loads: Promise<{ url: string; size: number }>[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' && r.status() === 200) loads.push(r.body().then((b) => ({ url: r.url(), size: b.length })));
    });
    await page.goto(`${MAP_ORIGIN}${path}`);
    await frameMapIdle(page.mainFrame());
    const list = await Promise.all(loads);
    await context.close();
    return { names: list.map((s) => s.url), total: list.reduce((sum, s) => sum + s.size, 0) };
  };
  const embed = await scripts('/embed.html');
  const app = await scripts('/');
  expect(embed.names.length).toBeGreaterThan(3);
  expect(embed.names.filter((n) => /Dialog|ShareButtons|snapshot|pdf|svg|html2canvas|purify|export/i.test(n))).toEqual([]);
  expect(embed.total).toBeLessThan(app.total);
});

test('the embed is usable by keyboard and axe-core finds no violation', async ({ page }) => {
  await page.goto(`${MAP_ORIGIN}/embed.html#place=khojaly`);
  await frameMapIdle(page.mainFrame());
  let guard = 0;
  while (guard++ < 30 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'embed-place-select'))) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator('[data-testid="embed-place-select"]').inputValue()).not.toBe('khojaly');
  await expect(page.locator('[data-testid="passage-card"]')).not.toHaveAttribute('aria-label', 'Passage that mentions Khojaly');
  await page.locator('[data-testid="embed-sources"] summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="source-panel"]')).toBeVisible();
  await expect(page.locator('[data-testid="legend"]')).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('on a phone, every control of the embed is a 24 px target or spaced like one (axe-core, WCAG 2.2 target-size)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/embed.html#place=khojaly');
  await frameMapIdle(page.mainFrame());
  await page.getByTestId('legend-disclosure').locator('summary').click();
  await expect(page.locator('input[data-layer-id="khojaly"]')).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  expect(result.passes.map((p) => p.id)).toContain('target-size');
});

test('built without PUBLIC_URL, the pages carry description and Open Graph tags but no absolute address and no oEmbed files; robots.txt is plain text', async ({ request }) => {
  for (const path of ['/', '/embed.html']) {
    const html = await (await request.get(`${MAP_ORIGIN}${path}`)).text();
    expect(html).toContain('<meta name="description"');
    expect(html).toContain('<meta property="og:title"');
    expect(html).not.toContain('application/json+oembed');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).not.toMatch(/(href|content|src)="https?:\/\//);
  }
  for (const path of ['/oembed.json', '/oembed/khojaly.json']) {
    const response = await request.get(`${MAP_ORIGIN}${path}`);
    expect(response.headers()['content-type'] ?? '', path).not.toContain('json');
  }
  const robots = await request.get(`${MAP_ORIGIN}/robots.txt`);
  expect(robots.headers()['content-type'] ?? '').toContain('text/plain');
  expect(await robots.text()).toBe('User-agent: *\nAllow: /\n');
});

test('oEmbed: the rich response’s snippet for a place works on another origin', async ({ page }) => {
  const oembed = oembedResponse(`${MAP_ORIGIN}/`, { id: 'aghdam', name: 'Aghdam' });
  expect(oembed.html).toContain(`src="${MAP_ORIGIN}/embed.html#place=aghdam"`);
  await page.goto(`${HOST_ORIGIN}/blank.html`);
  await page.setContent(`<main style="width:600px">${oembed.html}</main>`);
  const frame: Frame = await embedFrame(page);
  await expectHeightFollows(page, frame);
  expect((await heights(page, frame)).iframe).not.toBe(oembed.height);
  expect(await chosenPlace(frame)).toBe('aghdam');
});

test('the loader reads a height out of the embed’s range as the embed does: auto, following the content', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/blank.html`);
  await page.setContent(`<main style="max-width:640px"><div data-khojaly-map="place=aghdam" data-options="height=100"></div><script src="${MAP_ORIGIN}/embed.js"></script></main>`);
  const frame = await embedFrame(page);
  await expect(frame.locator('[data-testid="embed"]')).toHaveAttribute('data-height', 'auto');
  await expectHeightFollows(page, frame);
});
