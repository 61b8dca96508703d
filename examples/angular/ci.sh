#!/usr/bin/env bash
# CI for the Angular example, an SSR app as `ng new --ssr` makes them: pack the library as users get
# it, install that tarball in the app, run the app's unit tests (Vitest, `ng test`), build it with
# the Angular CLI (browser, server, prerender), build the NestJS relay (examples/nestjs) with the
# repository's TypeScript, and drive the app in headless Chromium against the mock API: served by
# its own SSR server (src/server.ts), as static files behind a proxy, and through the relay (a real
# NestJS process).
# Run from anywhere: bash examples/angular/ci.sh. Exits non-zero on any failure.
set -euo pipefail

app="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$app/../.." && pwd)"
export NG_CLI_ANALYTICS=false
step() { printf '\n== %s (%ds)\n' "$1" "$SECONDS"; }

step 'Chromium'
if [ ! -x /usr/bin/chromium ]; then
  sudo=''
  [ "$(id -u)" -eq 0 ] || sudo='sudo'
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
fi
/usr/bin/chromium --version

step 'Library: build and pack'
cd "$root"
[ -d node_modules ] || npm ci
# npm pack runs the package's prepare script, which builds dist/ (docs/packaging.md).
rm -rf "$app/vendor"
mkdir -p "$app/vendor"
tarball="$(npm pack --silent --pack-destination "$app/vendor" | tail -n 1)"
mv "$app/vendor/$tarball" "$app/vendor/rxjs-openresponses.tgz"
echo "packed $tarball"

step 'App: install (the tarball, and the locked dependencies)'
cd "$app"
npm ci --no-audit --no-fund
# npm ci takes the library's own dependencies from the lockfile. When they changed since it was
# written, update it for this run (and say so: commit the update, from `npm run relock`).
if ! node scripts/relock.mjs --check; then
  echo 'WARNING: package-lock.json is stale for this library build; relocking for this run.' >&2
  node scripts/relock.mjs
  npm ci --no-audit --no-fund
  node scripts/relock.mjs --check
fi

step 'App: type-check the test and servers; unit tests (Vitest)'
npx tsc -p tsconfig.node.json
npx ng test --watch=false

step 'App: build (browser, server, prerender)'
# Within Angular's default budgets, with no warning of any kind (the e2e test also measures it),
# and with a recorder where the prerender would send a request: it must see nothing.
node scripts/build.mjs

step 'NestJS relay: build with the repository TypeScript (decorator metadata) into out/nestjs-relay'
# It imports rxjs-openresponses by the package's own name: the dist/ build that was just packed.
(cd "$root" && npx tsc -p examples/nestjs/tsconfig.build.json)

step 'End-to-end tests in headless Chromium (the SSR server, straight to the API, through the relay)'
# One file at a time: the pacing test measures frames, and the machine may be small.
node --test --test-concurrency=1 --test-reporter=spec e2e/app-server.test.mjs e2e/ssr.e2e.test.mjs e2e/dev-server.e2e.test.mjs e2e/app.e2e.test.mjs e2e/chat.e2e.test.mjs e2e/relay.e2e.test.mjs e2e/relay-store.e2e.test.mjs
echo "Screenshots: $app/screenshots"
step 'Done'
