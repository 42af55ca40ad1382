import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { MAX_HEIGHT, MIN_HEIGHT } from '../src/lib/embed/options.ts';
import { PREFIX, PROTOCOL_VERSION } from '../src/lib/embed/protocol.ts';
import { INITIAL_HEIGHT, SANDBOX } from '../src/lib/embed/snippets.ts';

/** The embed constants the loader shares with the app, by placeholder. */
const CONSTANTS: Record<string, string | number> = { PROTOCOL_VERSION, PREFIX, MIN_HEIGHT, MAX_HEIGHT, INITIAL_HEIGHT, SANDBOX };

/** The loader script with the app's embed constants written in; fails if a placeholder is left. */
export function embedLoaderSource(template: string): string {
  return template.replace(/__([A-Z_]+)__/g, (whole, name: string) => {
    if (!(name in CONSTANTS)) throw new Error(`embed loader: unknown placeholder ${whole}`);
    return JSON.stringify(CONSTANTS[name]);
  });
}

/** Builds `embed.js` from `src/embed-loader.js` and the embed constants, and serves it in development. */
export function embedLoaderPlugin(root: string): Plugin {
  const read = () => embedLoaderSource(readFileSync(`${root}/src/embed-loader.js`, 'utf8'));
  return {
    name: 'khojaly-embed-loader',
    configureServer(server) {
      server.middlewares.use('/embed.js', (_req, res) => {
        res.setHeader('content-type', 'text/javascript');
        res.end(read());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed.js', source: read() });
    }
  };
}
