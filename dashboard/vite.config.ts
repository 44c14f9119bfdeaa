import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dashboard is served by the gateway at `/`, so in development Vite stands in front of a
// running hub: SHEQU_GATEWAY names it (the URL `npm start` prints, with or without /graphql).
const gateway = (process.env.SHEQU_GATEWAY ?? 'http://127.0.0.1:4000').replace(/\/graphql\/?$/, '');

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts alone is ~0.5 MB minified even tree-shaken; kept in its own chunk so app changes
    // do not invalidate it.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true, changeOrigin: true },
    },
  },
});
