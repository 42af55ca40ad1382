import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from './chromium';
import { SOCIAL_IMAGE } from './oembed-plugin';

/**
 * Remakes the social image in `dist/` with the project's own export (the default view, light
 * theme) after a build. Without Chromium the build keeps the committed copy from `public/` and
 * says so; `SOCIAL_IMAGE=keep` skips the remake on purpose.
 */
function main(): void {
  const out = join(process.cwd(), 'dist', SOCIAL_IMAGE.path);
  if (process.env.SOCIAL_IMAGE === 'keep') {
    console.log(`social image: SOCIAL_IMAGE=keep, dist/${SOCIAL_IMAGE.path} is the committed copy`);
    return;
  }
  if (!existsSync(CHROMIUM)) {
    console.warn(`social image: no Chromium at ${CHROMIUM}; dist/${SOCIAL_IMAGE.path} is the committed copy, not remade`);
    return;
  }
  const args = ['scripts/snapshot.ts', '--out', out, '--size', 'custom', '--width', String(SOCIAL_IMAGE.width), '--height', String(SOCIAL_IMAGE.height), '--scale', '1'];
  execFileSync(join('node_modules', '.bin', 'tsx'), args, { stdio: 'inherit' });
  console.log(`social image: dist/${SOCIAL_IMAGE.path} made by the export (${SOCIAL_IMAGE.width} × ${SOCIAL_IMAGE.height}, default view)`);
}

main();
