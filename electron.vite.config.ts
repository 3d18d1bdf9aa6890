import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: { lib: { entry: resolve(import.meta.dirname, 'electron/main/index.ts') } },
  },
  preload: {
    build: {
      lib: { entry: resolve(import.meta.dirname, 'electron/preload/index.ts') },
      // A sandboxed preload cannot load ES modules.
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') } },
    css: { postcss: resolve(import.meta.dirname, 'build') },
    plugins: [react()],
  },
})
