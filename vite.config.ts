import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  assetsInclude: ['**/*.geojson', '**/*.ttf', '**/*.pmtiles'],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500
  },
  server: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node'
  }
});
