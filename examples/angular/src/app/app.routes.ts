import type { Routes } from '@angular/router';

/**
 * One page, the chat (the root component), at three addresses: `/`; `/hello`, which asks a fixed
 * prompt on load; and `/ask?q=…`, which asks `q` on load. How each is rendered on the server is in
 * app.routes.server.ts.
 */
export const routes: Routes = [
  { path: '', children: [] },
  { path: 'hello', children: [] },
  { path: 'ask', children: [] },
];
