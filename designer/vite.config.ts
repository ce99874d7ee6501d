import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `pnpm dev`: this app on Vite with the API proxied to a server on SHANZHI_API (default :3000). */
const api = process.env.SHANZHI_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': api, '/docs': api } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2048 },
});
