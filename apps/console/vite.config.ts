import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** This folder; Vite injects the config file's own location when it bundles the config. */
const here = import.meta.dirname;

/**
 * The web console: served by tradehub itself under /console/ (apps/tradehub/src/bootstrap/console.ts)
 * from dist/console, which `nest build` empties first, so this build runs after it.
 */
export default defineConfig({
  root: here,
  base: '/console/',
  // No React plugin: Vite's own transform compiles TSX, with React's automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: resolve(here, '../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
