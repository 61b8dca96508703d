import type { Config } from 'jest';

const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/spec', '<rootDir>/examples'],
  testMatch: ['**/*.spec.ts'],
  moduleNameMapper: {
    '^rxjs-openresponses$': '<rootDir>/lib/index.ts',
    '^rxjs-openresponses/testing$': '<rootDir>/lib/testing/index.ts',
  },
  transform: {
    // The NestJS example uses decorators (and their metadata), as NestJS apps are compiled.
    '^.+/examples/nestjs/.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          isolatedModules: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
        },
      },
    ],
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node', isolatedModules: true } },
    ],
  },
};

export default config;
