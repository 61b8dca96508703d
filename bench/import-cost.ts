// The cost of importing one package in a fresh process: wall time of `await import(name)` and the
// heap it leaves behind (after a full GC). Prints one JSON line.
//
//   node --expose-gc bench/out/import-cost.mjs rxjs-openresponses

/** `gc()`, with `node --expose-gc`. */
declare const gc: () => void;

const name = process.argv[2];
gc();
const before = process.memoryUsage();
const t0 = performance.now();
const module = (await import(name)) as object;
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

export {};
