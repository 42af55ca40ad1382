import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test.use({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });

/** The screen map's renderer, canvas size and drawing-buffer setting, read from its own WebGL context. */
async function screenCanvas(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const canvas = (window as any).__map.getCanvas() as HTMLCanvasElement;
    const gl = canvas.getContext('webgl2')!;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return {
      renderer: String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
      width: canvas.width,
      cssWidth: canvas.clientWidth,
      preserveDrawingBuffer: gl.getContextAttributes()!.preserveDrawingBuffer
    };
  });
}

test('on a software WebGL renderer the screen map draws one canvas pixel per CSS pixel on a 2× screen', async ({ page }) => {
  await openApp(page);
  const canvas = await screenCanvas(page);
  expect(canvas.renderer, 'the tests run on SwiftShader').toMatch(/swiftshader/i);
  expect(canvas.width).toBe(canvas.cssWidth);
});

test('the screen map keeps no drawing buffer (exports draw their own map)', async ({ page }) => {
  await openApp(page);
  expect((await screenCanvas(page)).preserveDrawingBuffer).toBe(false);
});

test('the first view compiles one shader program per kind of drawing, not one per layer', async ({ page }) => {
  await openApp(page, 'place=khojaly');
  const programs = await page.evaluate(() => Object.keys((window as any).__map.painter.programCache.programs as object).map((key) => key.split('/')[0]!));
  expect(programs).toContain('circle');
  expect(programs.filter((name, i) => programs.indexOf(name) !== i)).toEqual([]);
});
