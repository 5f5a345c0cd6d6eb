import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One proxy: the browser only ever talks to :5173, the control plane serves the bank API
// (gateway), the chaos API and the live feed on :4000.
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://127.0.0.1:4000', changeOrigin: false },
      '/socket.io': { target: 'http://127.0.0.1:4000', ws: true },
    },
  },
});
