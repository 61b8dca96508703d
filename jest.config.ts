import type { Config } from 'jest';

const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/spec', '<rootDir>/examples'],
  testMatch: ['**/*.spec.ts'],
  moduleNameMapper: {
    '^rxjs-openresponses$': '<rootDir>/lib/index.ts',
    '^rxjs-openresponses/testing$': '<rootDir>/lib/testing/index.ts',
    '^rxjs-openresponses/tools$': '<rootDir>/lib/tools/index.ts',
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
