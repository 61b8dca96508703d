import { defineConfig, type Options } from 'tsup';

const common: Options = {
  entry: {
    index: 'lib/index.ts',
    'testing/index': 'lib/testing/index.ts',
    'tools/index': 'lib/tools/index.ts',
    'serve/index': 'lib/serve/index.ts',
    'angular/index': 'lib/angular/index.ts',
    'ws/index': 'lib/ws/index.ts',
    'chat/index': 'lib/chat/index.ts',
  },
  sourcemap: true,
  clean: false,
  target: 'es2022',
  tsconfig: 'tsconfig.lib.json',
};

export default defineConfig([
  // ESM: the entry points share chunks, so an app that imports two of them ships the library once.
  { ...common, format: ['esm'], splitting: true },
  // CommonJS (Node): each entry point is one file.
  { ...common, format: ['cjs'], splitting: false },
  // The declarations of both (.d.ts and .d.cts) from one type-check: a second one would double
  // the build's time, which a git URL install spends in `prepare`.
  { ...common, format: ['esm', 'cjs'], dts: { only: true } },
]);
