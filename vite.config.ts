import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const tabRoot = fileURLToPath(new URL('./src/tab/', import.meta.url));
const tabOutput = fileURLToPath(new URL('./dist/tab/', import.meta.url));

/**
 * Build of the consultant's tab (`npm run build:tab`). The restify server serves the output folder under
 * /tab/, so every asset URL starts with that base. Assets get content hashes in their names, which lets the
 * server cache them for a long time.
 */
export default defineConfig({
  root: tabRoot,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: tabOutput,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
});
