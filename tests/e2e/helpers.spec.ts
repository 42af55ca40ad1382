import { expect, test } from '@playwright/test';
import { mapIdle } from './helpers';

test('mapIdle rejects, saying why, when the map never becomes idle', async ({ page }) => {
  await page.setContent('<div data-testid="map" data-ready="true" style="width: 100px; height: 100px"></div>');
  await page.evaluate(() => {
    (window as any).__map = { loaded: () => false, areTilesLoaded: () => false, isMoving: () => true, once: () => undefined };
  });
  await expect(mapIdle(page, 3000)).rejects.toThrow(/mapIdle: the map was not idle .* within 3000 ms/);
});
