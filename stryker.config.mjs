// Mutation testing, opt-in and never part of `npm test`: `npm run mutate -- 'lib/sse/**/*.ts'`
// (the file set is required; see docs/testing.md for when to run it).
const specs = (process.env.MUTATE_SPECS ?? '')
  .split(',')
  .map((dir) => dir.trim().replace(/\/+$/, ''))
  .filter((dir) => dir !== '');

// Incremental mode: a run reuses the results of the last complete run over the same file set and
// specs (a mutant whose code and covering tests did not change keeps its status), so rerunning
// after adding a spec tests only what the new spec covers. Stryker writes the file at the end of a
// complete run only: an interrupted run saves nothing. One file per file set, so runs over
// different folders do not overwrite each other's results.
const mutateAt = process.argv.findIndex((arg) => arg === '--mutate' || arg === '-m');
const mutateArg = mutateAt === -1 ? undefined : process.argv[mutateAt + 1];
const runKey = `${mutateArg ?? 'all'}|${specs.join(',')}`
  .replace(/[^A-Za-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.ts',
    ...(specs.length > 0
      ? // MUTATE_SPECS=spec/serve,examples/nestjs: only those specs run, for every mutant (per-test
        // coverage still picks the tests inside them). Much faster on a folder whose files reach
        // every spec through lib/index.ts; a mutant that only other specs kill shows as a survivor.
        {
          enableFindRelatedTests: false,
          config: { roots: specs.map((dir) => `<rootDir>/${dir}`) },
        }
      : {
          enableFindRelatedTests: true,
          // lib/ is a root too, so that --findRelatedTests follows the specs that import a file
          // through lib/index.ts (without it, a mutant in lib/transport/cancel-response.ts finds no
          // test at all).
          config: { roots: ['<rootDir>/spec', '<rootDir>/examples', '<rootDir>/lib'] },
        }),
  },
  // Each mutant runs only the tests that cover it.
  coverageAnalysis: 'perTest',
  // A module-level mutant would rerun the whole suite per mutant; those few lines are tables and
  // constants that the suite pins anyway.
  ignoreStatic: true,
  // Stryker adds `// @ts-nocheck` to the files it copies (ts-jest here only transpiles, so it is
  // not needed); never to generated files, which spec/decode/fast/builders.spec.ts compares byte for
  // byte with what the generator gives.
  disableTypeChecks: 'lib/**/!(*.generated).{js,ts,jsx,tsx,html,vue,cts,mts}',
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/incremental/${runKey}.json`,
  ignorePatterns: [
    'dist',
    'out',
    'bench/out',
    'coverage',
    'docs/api',
    '.check-examples',
    '.pack-check',
    'reports',
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 75, break: null },
};
