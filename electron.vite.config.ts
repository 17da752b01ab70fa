import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { IndexHtmlTransformContext, Plugin } from 'vite'

// The CSP in index.html is strict; only the dev server (HMR over a websocket and
// React's inline refresh preamble) needs it relaxed, and only in `serve`.
const relaxCspForDevServer = {
  name: 'relax-csp-for-dev-server',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:")
}

/**
 * The app's chunk (src/renderer/src/boot.tsx and what it imports) is fetched as soon as the page's head is
 * read, beside the small entry that first asks the core for the register's first rows: Vite links only an
 * entry's static imports, and the entry loads the app with import().
 */
const preloadAppChunk: Plugin = {
  name: 'preload-app-chunk',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html: string, ctx: IndexHtmlTransformContext) {
      const boot = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/boot.tsx'))
      if (!boot || boot.type !== 'chunk') return
      const linked = new Set([ctx.chunk?.fileName, ...(ctx.chunk?.imports ?? [])])
      return [boot.fileName, ...boot.imports]
        .filter((file) => !linked.has(file))
        .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }))
    }
  }
}

export default defineConfig({
  main: {
    build: {
      // The import worker (node:worker_threads) is a second entry, emitted as out/main/import-worker.js beside
      // the bundle: the same file then loads under Electron, while tsx and vitest load the sources.
      rollupOptions: { input: { index: resolve('src/main/index.ts'), 'import-worker': resolve('src/main/core/exchange/worker.ts') } },
      // kysely ships ESM only and zod is pure JS: bundle them; keep the native
      // better-sqlite3 (rebuilt for Electron's ABI when packaging) and xlsx outside.
      externalizeDeps: { exclude: ['kysely', 'zod'] }
    }
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file: Electron cannot load ESM there.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
      // An old office PC parses every byte of the page at start: ship it minified.
      minify: true
    },
    plugins: [react(), relaxCspForDevServer, preloadAppChunk]
  }
})
