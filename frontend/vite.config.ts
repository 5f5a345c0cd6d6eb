import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One proxy: the browser only ever talks to :5173, the control plane serves the bank API
// (gateway), the chaos API and the live feed on :4000. In docker mode the control plane is
// another container (FAULTLINE_CHAOS_URL=http://chaos:4000) that listens beyond loopback and
// so asks for its admin token on /api/chaos: the dev server adds it, the browser never sees it.
const chaosUrl = process.env.FAULTLINE_CHAOS_URL ?? 'http://127.0.0.1:4000';
const adminToken = process.env.FAULTLINE_ADMIN_TOKEN;

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      // Listed before /api: the first matching key wins.
      '/api/chaos': {
        target: chaosUrl,
        changeOrigin: false,
        ...(adminToken ? { headers: { authorization: `Bearer ${adminToken}` } } : {}),
      },
      '/api': { target: chaosUrl, changeOrigin: false },
      '/socket.io': { target: chaosUrl, ws: true },
    },
  },
});
