// The cost of importing one package in a fresh process: wall time of `await import(name)` and the
// heap it leaves behind (after a full GC). Prints one JSON line.
//
//   node --expose-gc bench/import-cost.mjs rxjs-openresponses
/* global performance, gc */
const name = process.argv[2];
gc();
const before = process.memoryUsage();
const t0 = performance.now();
const module = await import(name);
const ms = performance.now() - t0;
gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    name,
    ms,
    heapBytes: after.heapUsed - before.heapUsed,
    externalBytes: after.external - before.external,
    exports: Object.keys(module).length,
  }) + '\n',
);
