import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { SnapshotAnswer, SnapshotOptions } from '../../src/lib/export/snapshot-page';
import type { ExportResult } from '../../src/lib/export/types';

type Answer = Extract<SnapshotAnswer, { ok: true }> & Pick<ExportResult, 'labels' | 'callouts' | 'symbols' | 'insets'> & { map: { x: number; y: number; w: number; h: number } };
type Box = [number, number, number, number];

async function snapshot(page: Page, options: Partial<SnapshotOptions>): Promise<Answer> {
  if (!page.url().endsWith('/snapshot.html')) {
    await page.goto('/snapshot.html');
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
  }
  const answer = (await page.evaluate((o) => (window as any).__khojalyExport(o), { permalinkBase: 'https://example.org/', ...options })) as SnapshotAnswer;
  if (!answer.ok) throw new Error(answer.error);
  return answer as Answer;
}

/** The SVG drawn in the page: each story label's box (from the browser's own text layout) and each story symbol's place. */
async function svgLabels(page: Page, svg: string): Promise<{ labels: { placeId: string; box: Box }[]; symbols: string[]; fontFace: boolean }> {
  return page.evaluate((source) => {
    const holder = document.createElement('div');
    holder.innerHTML = source;
    document.body.append(holder);
    const labels = [...holder.querySelectorAll<SVGTextElement>('#labels text.story-label')].map((t) => {
      const b = t.getBBox();
      return { placeId: t.dataset.placeId!, box: [b.x, b.y, b.x + b.width, b.y + b.height] as [number, number, number, number] };
    });
    const symbols = [...holder.querySelectorAll<SVGGElement>('#layers .story-symbol')].map((g) => g.dataset.placeId!);
    const fontFace = /@font-face\{font-family:'Noto Sans'/.test(holder.querySelector('style')?.textContent ?? '');
    holder.remove();
    return { labels, symbols, fontFace };
  }, svg);
}

const distance = (b: Box, p: readonly number[]) => Math.hypot(Math.max(b[0] - p[0]!, 0, p[0]! - b[2]), Math.max(b[1] - p[1]!, 0, p[1]! - b[3]));

/** The rules every export's story labels keep: each visible story place labelled or numbered in the key, each label nearer its own symbol, none across the frame's edge. */
function expectLabelRules(out: Answer, labels: { placeId: string; box: Box }[]) {
  const keyed = new Set(out.callouts.map((c) => c.placeId));
  for (const c of out.callouts) expect(out.texts).toContain(c.text);
  for (const s of out.symbols) expect(labels.some((l) => l.placeId === s.placeId) || keyed.has(s.placeId), `${s.placeId} is labelled or in the key`).toBe(true);
  for (const l of labels) {
    const own = out.symbols.find((s) => s.placeId === l.placeId)!;
    for (const other of out.symbols.filter((s) => s.placeId !== l.placeId)) {
      expect(distance(l.box, own.at), `${l.placeId}'s label is nearer ${other.placeId}`).toBeLessThan(distance(l.box, other.at));
    }
    const [x0, y0, x1, y1] = l.box;
    expect(x0 >= -0.5 && y0 >= -0.5 && x1 <= out.map.w + 0.5 && y1 <= out.map.h + 0.5, `${l.placeId}'s label ${l.box.map(Math.round)} crosses the ${out.map.w} × ${out.map.h} frame`).toBe(true);
  }
}

const FRAMES: [string, Partial<SnapshotOptions>][] = [
  ['social', { preset: 'social-wide' }],
  ['A4 portrait', { preset: 'a4-portrait', dpi: 48 }],
  ['custom 390 × 700', { preset: 'custom', width: 390, height: 700 }]
];

for (const [name, size] of FRAMES) {
  for (const place of [undefined, 'khojaly']) {
    test(`${name} SVG${place ? ` with ${place} selected` : ''}: every story place labelled or keyed, each label nearest its own symbol and inside the frame`, async ({ page }) => {
      const out = await snapshot(page, { ...size, format: 'svg', place });
      const svg = Buffer.from(out.base64, 'base64').toString('utf8');
      const drawn = await svgLabels(page, svg);
      expect(drawn.fontFace).toBe(true);
      expect(new Set(drawn.symbols)).toEqual(new Set(out.symbols.map((s) => s.placeId)));
      expect(out.symbols.length).toBeGreaterThan(4);
      expectLabelRules(out, drawn.labels);
    });

    test(`${name} PNG${place ? ` with ${place} selected` : ''}: the same label rules, and the Baku inset`, async ({ page }) => {
      const out = await snapshot(page, { ...size, format: 'png', place });
      expectLabelRules(out, out.labels);
      expect(out.insets.map((i) => i.id)).toContain('baku');
    });
  }
}

test('a zoomed-in export carries the locator inset in PNG and SVG', async ({ page }) => {
  for (const format of ['png', 'svg'] as const) {
    const out = await snapshot(page, { format, width: 800, height: 500, view: '12/39.911/46.789' });
    expect(out.insets.map((i) => i.id).sort()).toEqual(['baku', 'locator']);
  }
});

test('the SVG is well-formed XML and librsvg renders it whole, at the default extent and at zoom 22', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'svg-'));
  for (const [file, options] of [['default.svg', { preset: 'a4-portrait', place: 'khojaly' }], ['z22.svg', { view: '22/39.91111/46.78917' }]] as const) {
    const out = await snapshot(page, { ...options, format: 'svg' });
    const path = join(dir, file);
    writeFileSync(path, Buffer.from(out.base64, 'base64'));
    execFileSync('xmllint', ['--noout', path]);
    execFileSync('rsvg-convert', [path, '-o', `${path}.png`]);
    const png = readFileSync(`${path}.png`);
    expect(png.readUInt32BE(16)).toBe(Math.round(out.width!));
    expect(readFileSync(path).length).toBeLessThan(600_000);
  }
});

test('librsvg, without Noto Sans installed, keeps the frame’s text inside the right margin of a 1200 × 675 SVG', async ({ page }) => {
  const out = await snapshot(page, { format: 'svg', preset: 'social-wide' });
  const path = join(mkdtempSync(join(tmpdir(), 'svg-')), 'social.svg');
  writeFileSync(path, Buffer.from(out.base64, 'base64'));
  execFileSync('rsvg-convert', [path, '-o', `${path}.png`]);
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const strip = ctx.getImageData(img.width - 10, 0, 10, img.height).data;
    let count = 0;
    for (let i = 0; i < strip.length; i += 4) if (strip[i + 3]! > 0 && Math.min(strip[i]!, strip[i + 1]!, strip[i + 2]!) < 200) count++;
    return count;
  }, readFileSync(`${path}.png`).toString('base64'));
  expect(inked).toBe(0);
});
