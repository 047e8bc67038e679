import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  optimizeDeps: {
    // Monaco's workers (`?worker` imports, which the dependency scan does not follow) import these; pre-bundled up
    // front, the dev server does not reload the page the first time the editor opens.
    include: ['monaco-editor/esm/vs/editor/editor.worker.js', 'monaco-yaml/yaml.worker.js', 'yaml'],
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});
