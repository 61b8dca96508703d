import { RenderMode, type ServerRoute } from '@angular/ssr';

/**
 * `/` and `/hello` are prerendered at build time (`ng new --ssr`'s default for every route);
 * `/ask?q=…` depends on its query, so it is rendered on the server per request. `/hello` and
 * `/ask` set their request while rendering, yet `responseResource` sends nothing on the server:
 * the HTML shows the idle state and the answer starts in the browser, after hydration.
 */
export const serverRoutes: ServerRoute[] = [
  { path: 'ask', renderMode: RenderMode.Server },
  { path: '**', renderMode: RenderMode.Prerender },
];
