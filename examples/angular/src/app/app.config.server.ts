import { inject, mergeApplicationConfig, REQUEST, type ApplicationConfig } from '@angular/core';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import { OPENRESPONSES_CONFIG } from 'rxjs-openresponses/angular';
import { appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';

const serverConfig: ApplicationConfig = {
  providers: [
    provideServerRendering(withRoutes(serverRoutes)),
    // A relative `/v1` means nothing to `fetch` in Node, so an app that calls its API during the
    // server render makes the URL absolute, as here: a request from the server would really reach
    // the API (and be billed). `responseResource` sends none on the server platform: the page is
    // rendered idle and the browser starts the answer after hydration (the e2e test checks that
    // the API saw nothing from the server render or the prerender).
    {
      provide: OPENRESPONSES_CONFIG,
      useFactory: () => {
        const request = inject(REQUEST, { optional: true });
        // Prerendering (at build time) has no request: PRERENDER_ORIGIN says where the API would
        // be (examples/angular/ci.sh points it at a recorder that must see nothing).
        const origin = request
          ? new URL(request.url).origin
          : (process.env['PRERENDER_ORIGIN'] ?? 'http://localhost:4000');
        return { baseURL: `${origin}/v1` };
      },
    },
  ],
};

export const config = mergeApplicationConfig(appConfig, serverConfig);
