import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

for (const lang of ['en', 'az'] as const) {
  test(`the inset's accessible name contains its visible text (WCAG 2.5.3, axe label-content-name-mismatch), lang=${lang}`, async ({ page }) => {
    await openApp(page, `lang=${lang}`);
    const inset = page.getByTestId('inset');
    const result = await new AxeBuilder({ page }).include('[data-testid="inset"]').withRules(['label-content-name-mismatch']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join(' ')}`)).toEqual([]);
    expect(result.passes.map((p) => p.id)).toContain('label-content-name-mismatch');
    const name = (await inset.getAttribute('aria-label'))!.toLowerCase();
    for (const word of (await inset.textContent())!.toLowerCase().split(/\s+/).filter(Boolean)) expect(name).toContain(word);
  });
}
