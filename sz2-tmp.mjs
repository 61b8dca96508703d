import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
const [dir, contents, out] = process.argv.slice(2);
const r = await build({ stdin: { contents, resolveDir: dir, loader: 'ts' }, bundle: true, minify: true, write: false, format: 'esm', external: ['rxjs', 'zod', 'eventsource-parser', 'zod/*', 'rxjs/*'], treeShaking: true });
const t = r.outputFiles[0].contents;
console.log(t.length, gzipSync(t, { level: 9 }).length);
writeFileSync(out, t);
