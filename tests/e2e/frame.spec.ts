import { expect, test, type Page } from '@playwright/test';
import { mapIdle, openApp } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();
/** The places of the main frame: every story point shown by default except the monument, which is in the Baku inset. */
const FRAMED = model.places
  .filter((p) => p.geometry.type === 'Point' && p.id !== 'mothers-cry' && !p.layers.includes('also-named'))
  .map((p) => p.id);
const SIZES = [
  [390, 844],
  [768, 1024],
  [1280, 800]
] as const;

/** A box in canvas pixels. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the map draws for each place: its point, its label's box and its icons' boxes (canvas pixels). */
interface Drawn {
  width: number;
  height: number;
  points: Record<string, [number, number]>;
  labels: Record<string, Box>;
  icons: Record<string, Box>;
  /** Boxes of the controls and insets laid over the map. */
  overlays: Box[];
}

/**
 * Measures the rendered story features through MapLibre's public API: the extent of a symbol is
 * found by bisecting `queryRenderedFeatures` boxes until its edges are known to a pixel.
 */
async function measure(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const map = (window as any).__map;
    const canvas: HTMLCanvasElement = map.getCanvas();
    const { width, height } = canvas.getBoundingClientRect();
    const far = 4000;
    const has = (layers: string[], id: string, box: [[number, number], [number, number]]) =>
      map.queryRenderedFeatures(box, { layers }).some((f: any) => f.properties.placeId === id);
    const edge = (test: (v: number) => boolean, lo: number, hi: number) => {
      while (hi - lo > 0.5) {
        const mid = (lo + hi) / 2;
        if (test(mid)) hi = mid;
        else lo = mid;
      }
      return hi;
    };
    const extent = (layers: string[], id: string) => ({
      left: edge((x) => has(layers, id, [[-far, -far], [x, far]]), -far, far),
      right: -edge((x) => has(layers, id, [[-x, -far], [far, far]]), -far, far),
      top: edge((y) => has(layers, id, [[-far, -far], [far, y]]), -far, far),
      bottom: -edge((y) => has(layers, id, [[-far, -y], [far, far]]), -far, far)
    });
    const labelLayers = ['story-labels', 'story-labels-primary'].filter((l) => map.getLayer(l));
    const iconLayers = map.getStyle().layers.map((l: any) => l.id).filter((l: string) => l.startsWith('story-icons-'));
    const placed = (layers: string[]) =>
      [...new Set<string>(map.queryRenderedFeatures([[-far, -far], [far, far]], { layers }).map((f: any) => f.properties.placeId))];
    const points: Record<string, [number, number]> = {};
    for (const f of map.querySourceFeatures('story-labels')) {
      const p = map.project(f.geometry.coordinates);
      points[f.properties.placeId] = [p.x, p.y];
    }
    const origin = canvas.getBoundingClientRect();
    const overlays = [...document.querySelectorAll('.maplibregl-ctrl, [data-testid="inset"], [data-testid="locator"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
    });
    return {
      width,
      height,
      points,
      labels: Object.fromEntries(placed(labelLayers).map((id) => [id, extent(labelLayers, id)])),
      icons: Object.fromEntries(placed(iconLayers).map((id) => [id, extent(iconLayers, id)])),
      overlays
    };
  });
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Every story place of the frame has its label drawn, wholly inside the map. */
function expectEveryLabelInside(drawn: Drawn): void {
  expect(Object.keys(drawn.labels).sort()).toEqual([...FRAMED].sort());
  for (const [id, box] of Object.entries(drawn.labels)) {
    expect.soft(box.left, `${id} left`).toBeGreaterThanOrEqual(0);
    expect.soft(box.top, `${id} top`).toBeGreaterThanOrEqual(0);
    expect.soft(box.right, `${id} right`).toBeLessThanOrEqual(drawn.width);
    expect.soft(box.bottom, `${id} bottom`).toBeLessThanOrEqual(drawn.height);
  }
}

/** Any two story points of the frame are at least 24 px apart. */
function expectPointsApart(points: Drawn['points']): void {
  for (const a of FRAMED) {
    for (const b of FRAMED) {
      if (a < b) expect.soft(Math.hypot(points[a]![0] - points[b]![0], points[a]![1] - points[b]![1]), `${a}–${b}`).toBeGreaterThanOrEqual(24);
    }
  }
}

for (const [width, height] of SIZES) {
  test.describe(`at ${width} × ${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the default view labels every story place of the frame, inside the frame', async ({ page }) => {
      await openApp(page);
      expectEveryLabelInside(await measure(page));
    });

    test('no story label is covered by another label, another place’s icon, a control or an inset', async ({ page }) => {
      await openApp(page);
      const drawn = await measure(page);
      for (const [id, box] of Object.entries(drawn.labels)) {
        for (const [other, otherBox] of Object.entries(drawn.labels)) {
          if (other !== id) expect.soft(overlap(box, otherBox), `${id} label over ${other} label`).toBe(false);
        }
        for (const [other, icon] of Object.entries(drawn.icons)) {
          if (other !== id) expect.soft(overlap(box, icon), `${id} label over ${other} icon`).toBe(false);
        }
        for (const overlay of drawn.overlays) expect.soft(overlap(box, overlay), `${id} label under a control`).toBe(false);
      }
    });

    test('any two story points of the default view are at least 24 px apart', async ({ page }) => {
      await openApp(page);
      expectPointsApart((await measure(page)).points);
    });

    test('a tap 11 px from a story point selects that place (24 px touch targets)', async ({ page }) => {
      await openApp(page);
      const { points } = await measure(page);
      const canvas = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
      for (const id of FRAMED) {
        const [x, y] = points[id]!;
        await page.mouse.click(canvas.x + x, canvas.y + y + 11);
        await expect(page).toHaveURL(new RegExp(`place=${id}(&|$)`));
      }
    });

    test('the Baku inset is shown and a click on it selects the monument', async ({ page }) => {
      await openApp(page);
      const inset = page.getByTestId('inset');
      await expect(inset).toBeVisible();
      const box = (await inset.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
      await inset.click();
      await expect(page).toHaveURL(/place=mothers-cry/);
      await expect(page.locator('[data-place-id="mothers-cry"] button')).toHaveAttribute('aria-pressed', 'true');
    });

    test('Enter on the focused inset selects the monument', async ({ page }) => {
      await openApp(page);
      await page.getByTestId('inset').focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/place=mothers-cry/);
    });
  });
}

test('the default view shows no locator', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('inset')).toBeVisible();
  await expect(page.getByTestId('locator')).toHaveCount(0);
});

test('a zoomed-in view shows a locator with the view’s rectangle inside the region', async ({ page }) => {
  await openApp(page, 'view=12/39.91/46.79');
  const view = page.getByTestId('locator-view');
  await expect(view).toBeAttached();
  const [x, y] = await view.evaluate((el) => [Number(el.getAttribute('x')), Number(el.getAttribute('y'))]);
  const svg = await page.getByTestId('locator').locator('svg').evaluate((el) => el.getAttribute('viewBox')!.split(' ').map(Number));
  expect(x).toBeGreaterThan(0);
  expect(x).toBeLessThan(svg[2]!);
  expect(y).toBeGreaterThan(0);
  expect(y).toBeLessThan(svg[3]!);
});

test('story features on the map (points, labels, route) carry placeId', async ({ page }) => {
  await openApp(page);
  const ids = await page.evaluate(() => {
    const map = (window as any).__map;
    const layers = map.getStyle().layers.filter((l: any) => l.id.startsWith('story-') && l.source).map((l: any) => l.id);
    return [...new Set(map.queryRenderedFeatures({ layers }).map((f: any) => f.properties.placeId))];
  });
  expect(ids).toContain('khojaly-aghdam-route');
  for (const id of FRAMED) expect(ids).toContain(id);
});

test('without automation (navigator.webdriver false) the page does not expose window.__map', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false }));
  await page.goto('/');
  await page.locator('[data-testid="map"][data-ready="true"]').waitFor();
  expect(await page.evaluate(() => 'webdriver' in navigator && navigator.webdriver)).toBe(false);
  expect(await page.evaluate(() => (window as any).__map)).toBeUndefined();
});

test('the embed shows the inset, and activating it selects the monument', async ({ page }) => {
  await page.goto('/embed.html');
  await mapIdle(page);
  await page.getByTestId('inset').click();
  await expect(page.getByTestId('embed-place-select')).toHaveValue('mothers-cry');
});

for (const width of [320, 358, 390, 430]) {
  test.describe(`the compact embed on a phone, ${width} px wide`, () => {
    test.use({ viewport: { width, height: 844 } });

    test('its default view labels every story place of the frame, inside the map', async ({ page }) => {
      await page.goto('/embed.html');
      await mapIdle(page);
      expectEveryLabelInside(await measure(page));
    });

    test('its default view keeps any two story points at least 24 px apart', async ({ page }) => {
      await page.goto('/embed.html');
      await mapIdle(page);
      expectPointsApart((await measure(page)).points);
    });

    test('is at most 640 px tall before a place is chosen, with a map at least 340 px tall', async ({ page }) => {
      await page.goto('/embed.html');
      await mapIdle(page);
      expect((await page.getByTestId('embed').boundingBox())!.height).toBeLessThanOrEqual(640);
      expect((await page.getByTestId('map').boundingBox())!.height).toBeGreaterThanOrEqual(340);
    });
  });
}

/** The places whose story labels MapLibre has drawn, wholly or partly, under an element laid over the map. */
async function labelsUnder(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const map = (window as any).__map;
    const origin = map.getCanvas().getBoundingClientRect();
    const r = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
    const layers = ['story-labels', 'story-labels-primary'].filter((l) => map.getLayer(l));
    const box = [[r.left - origin.left, r.top - origin.top], [r.right - origin.left, r.bottom - origin.top]];
    return map.queryRenderedFeatures(box, { layers }).map((f: any) => f.properties.placeId);
  }, testId);
}

/** The places whose story labels are drawn anywhere on the map. */
const labelsDrawn = (page: Page) =>
  page.evaluate(() => {
    const map = (window as any).__map;
    const layers = ['story-labels', 'story-labels-primary'].filter((l) => map.getLayer(l));
    return map.queryRenderedFeatures({ layers }).map((f: any) => f.properties.placeId);
  });

test.describe('on a phone, 390 × 844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('with Khojaly chosen, the locator and the inset cover no story label of the full map', async ({ page }) => {
    await openApp(page, 'place=khojaly');
    await expect(page.getByTestId('locator')).toBeVisible();
    await mapIdle(page);
    expect(await labelsDrawn(page)).toContain('asgaran');
    expect(await labelsUnder(page, 'locator')).toEqual([]);
    expect(await labelsUnder(page, 'inset')).toEqual([]);
  });

  test('with Khojaly chosen, the locator and the inset cover no story label of the embed', async ({ page }) => {
    await page.goto('/embed.html#place=khojaly');
    await expect(page.getByTestId('locator')).toBeVisible();
    await mapIdle(page);
    expect(await labelsDrawn(page)).toContain('asgaran');
    expect(await labelsUnder(page, 'locator')).toEqual([]);
    expect(await labelsUnder(page, 'inset')).toEqual([]);
  });

  test('with Baku chosen, the view shows Baku, so the Baku inset gives way and the locator covers no story label', async ({ page }) => {
    await openApp(page, 'place=baku');
    await expect(page.getByTestId('locator')).toBeVisible();
    await mapIdle(page);
    await expect(page.getByTestId('inset')).toHaveCount(0);
    expect(await labelsDrawn(page)).toContain('mothers-cry');
    expect(await labelsUnder(page, 'locator')).toEqual([]);
  });

  test('the inset the keyboard is on stays when Enter takes the map to the monument', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('inset').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/place=mothers-cry/);
    await mapIdle(page);
    await expect(page.getByTestId('inset')).toBeFocused();
  });
});
