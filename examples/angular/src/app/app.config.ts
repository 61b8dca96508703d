import {
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideClientHydration, withEventReplay } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { provideOpenResponses } from 'rxjs-openresponses/angular';
import { RelayClient } from './relay-client';
import { routes } from './app.routes';

/**
 * A `fetch` that tags every request with this tab's session id: a stand-in for an auth
 * interceptor (read a token from an injected service here, refresh it, add `Authorization`).
 */
function sessionFetch(): typeof fetch {
  const session = crypto.randomUUID();
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-session-id', session);
    return fetch(input, { ...init, headers }); // keep init.signal: it is how Stop aborts
  };
}

/**
 * `?via=relay`: the answer comes through the NestJS relay (examples/nestjs, `/chat` on this origin)
 * instead of straight from `/v1`. Read at start, so one build serves both; a reload keeps it. The
 * server (SSR, prerendering) has no `location`: it renders the page without the relay, and the
 * relay client starts in the browser.
 */
const viaRelay =
  typeof location !== 'undefined' && new URLSearchParams(location.search).get('via') === 'relay';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    // No zone.js: signals drive change detection, and fetch and its stream are left unpatched.
    provideZonelessChangeDetection(),
    provideRouter(routes),
    // The server's HTML is hydrated, not thrown away; clicks before hydration are replayed.
    provideClientHydration(withEventReplay()),
    // Same-origin `/v1`: the dev server, `server/serve.mjs` or your proxy forwards it and adds
    // the key. The fetch factory runs in an injection context, so it could inject() a service.
    provideOpenResponses({ baseURL: '/v1' }, sessionFetch),
    viaRelay ? [RelayClient] : [],
  ],
};
