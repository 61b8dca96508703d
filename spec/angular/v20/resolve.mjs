// A module resolve hook (registered with node:module's `register`) that makes `@angular/*` resolve
// to this folder's Angular 20 install, and `rxjs` to the project's own copy (one rxjs in the
// process, as in an app). Used by scripts/test-angular-major.mjs.
import { pathToFileURL } from 'node:url';

const here = new URL('./package.json', import.meta.url).href;
const root = pathToFileURL(`${process.cwd()}/package.json`).href;

export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@angular/')) return next(specifier, { ...context, parentURL: here });
  if (specifier === 'rxjs' || specifier.startsWith('rxjs/')) {
    return next(specifier, { ...context, parentURL: root });
  }
  return next(specifier, context);
}
