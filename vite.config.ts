import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import basemapsFile from './basemaps.json' with { type: 'json' };
import { externalOrigins, parseBasemapConfig } from './src/lib/data/basemap-config.ts';
import { cspPlugin } from './scripts/csp-plugin.ts';
import { embedLoaderPlugin } from './scripts/embed-loader-plugin.ts';
import { oembed } from './scripts/oembed-plugin.ts';
import { routeCorridorsPlugin } from './scripts/corridors-plugin.ts';
import { geodataModelPlugin } from './scripts/model-plugin.ts';
import { prerender } from './scripts/prerender-plugin.ts';
import { inlineCss } from './scripts/inline-css-plugin.ts';

/** The basemap chosen at build time: `BASEMAP=<id>|style:<url>|pmtiles:<url>`. */
const BASEMAP = process.env.BASEMAP ?? '';
const online = externalOrigins(parseBasemapConfig(basemapsFile, BASEMAP));
/** Origins the page may contact: its own, plus https when an online basemap is configured. */
const CSP_REMOTE = online.length > 0 ? 'https:' : '';

/** Every HTML page at the top level is an entry: the app, the embed, and any other page. */
const pages = Object.fromEntries(
  readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.replace(/\.html$/, ''), resolve(import.meta.dirname, f)])
);

export default defineConfig({
  /** Relative asset URLs: the built site works from any folder of any server. */
  base: './',
  plugins: [
    cspPlugin(CSP_REMOTE),
    svelte(process.env.VITEST ? { dynamicCompileOptions: () => ({ generate: 'client' }) } : {}),
    oembed(import.meta.dirname),
    embedLoaderPlugin(import.meta.dirname),
    routeCorridorsPlugin(import.meta.dirname),
    geodataModelPlugin(import.meta.dirname),
    prerender(import.meta.dirname),
    inlineCss(),
  ],
  define: { 'import.meta.env.VITE_BASEMAP': JSON.stringify(BASEMAP) },
  assetsInclude: ['**/*.geojson', '**/*.ttf', '**/*.pmtiles'],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: { input: pages }
  },
  server: { host: '127.0.0.1' },
  /** Unit tests run Svelte's client runtime, so `$effect` runs in `.svelte.ts` tests. */
  ...(process.env.VITEST ? { resolve: { conditions: ['browser'] }, ssr: { resolve: { conditions: ['browser'], externalConditions: ['browser'] } } } : {}),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node'
  }
});
