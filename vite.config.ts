import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** Every HTML page at the top level is an entry: the app, the embed, and any other page. */
const pages = Object.fromEntries(
  readdirSync(__dirname)
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.replace(/\.html$/, ''), resolve(__dirname, f)])
);

export default defineConfig({
  plugins: [svelte()],
  assetsInclude: ['**/*.geojson', '**/*.ttf', '**/*.pmtiles'],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: { input: pages }
  },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node'
  }
});
