import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '../dist/dashboard');
// The API the dev server forwards to (`npm run dev` serves it on 3000).
const api = process.env.PLAUDIT_API ?? 'http://localhost:3000';

/** Writes .br and .gz beside each text asset, so that the server can send them without compressing per request. */
function precompress(): Plugin {
  return {
    name: 'plaudit-precompress',
    apply: 'build',
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = join(assets, name);
        if (statSync(file).size < 1024) continue;
        const content = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  // The server serves the hashed assets under /dashboard/assets/ (src/web/dashboard/static.ts).
  base: '/dashboard/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Nothing may be inlined as a data: script or style: the pages' CSP allows files from this origin only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 700,
    // The build's own timing report is noise in `npm run build` (most of it is the precompression above).
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: Object.fromEntries(
      ['/v1', '/auth', '/r/', '/dashboard/rating-page-preview', '/docs', '/openapi.json'].map((path) => [path, api]),
    ),
  },
});
