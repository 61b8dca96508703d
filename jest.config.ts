import type { Config } from 'jest';

const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/spec', '<rootDir>/examples'],
  testMatch: ['**/*.spec.ts'],
  // examples/angular's TestBed spec loads Angular's ESM-only testing bundle, which this CommonJS
  // setup cannot, and its markdown spec needs the app's own marked (18; the marked here is
  // another package's, 9): both run under Vitest in examples/angular/ci.sh. Its marble spec runs
  // here too, as docs/angular.md says it does under Jest.
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/examples/angular/src/app/app.spec.ts',
    '<rootDir>/examples/angular/src/app/render-markdown.spec.ts',
  ],
  moduleNameMapper: {
    '^rxjs-openresponses$': '<rootDir>/lib/index.ts',
    '^rxjs-openresponses/testing$': '<rootDir>/lib/testing/index.ts',
    '^rxjs-openresponses/tools$': '<rootDir>/lib/tools/index.ts',
    '^rxjs-openresponses/chat$': '<rootDir>/lib/chat/index.ts',
    '^rxjs-openresponses/serve$': '<rootDir>/lib/serve/index.ts',
    '^rxjs-openresponses/angular$': '<rootDir>/lib/angular/index.ts',
    '^rxjs-openresponses/ws$': '<rootDir>/lib/ws/index.ts',
  },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          isolatedModules: true,
          // For examples/nestjs, compiled as NestJS apps are; nothing else uses decorators.
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
        },
      },
    ],
  },
};

export default config;
