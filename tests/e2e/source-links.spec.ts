import { expect, test } from '@playwright/test';
import { findMentions } from '../../src/lib/sources/mentions';
import { openApp } from './helpers';
import { shippedModel } from '../support/model';

const model = shippedModel();

/** Two places whose first passage is in the same text and which that text mentions, with the offsets of their mentions. */
function twoMentionedPlaces() {
  for (const source of model.sources) {
    const mentions = findMentions(source.text, model.places);
    const places = model.places.filter((p) => p.citations[0]?.source === source.id && mentions.some((m) => m.placeId === p.id));
    if (places.length >= 2) {
      const startsOf = (id: string) => mentions.filter((m) => m.placeId === id).map((m) => String(m.start));
      return { first: places[0]!.id, second: places[1]!.id, startsOf };
    }
  }
  throw new Error('no text mentions two places whose first passage it holds');
}

const selectedLinks = (page: import('@playwright/test').Page) =>
  page.locator('[data-testid="source-panel"] .text a.selected').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-place-id')}@${e.getAttribute('data-start')}`));

test('a new selection in the same text moves the selected mark from the old place’s mentions to the new one’s', async ({ page }) => {
  const { first, second, startsOf } = twoMentionedPlaces();
  await openApp(page);
  await page.locator(`[data-testid="place-list"] [data-place-id="${first}"] button`).click();
  await expect.poll(() => selectedLinks(page)).toEqual(startsOf(first).map((s) => `${first}@${s}`));
  await page.locator(`[data-testid="place-list"] [data-place-id="${second}"] button`).click();
  await expect.poll(() => selectedLinks(page)).toEqual(startsOf(second).map((s) => `${second}@${s}`));
});
