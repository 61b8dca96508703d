import {
  AngularNodeAppEngine,
  createNodeRequestHandler,
  isMainModule,
  writeResponseToNodeResponse,
} from '@angular/ssr/node';
import express from 'express';
import { join } from 'node:path';
import { responsesRoutes } from './responses-routes';

const browserDistFolder = join(import.meta.dirname, '../browser');

const app = express();
const angularApp = new AngularNodeAppEngine();

/**
 * The Responses API routes the app uses (start, resume, cancel), with the key added here, on the
 * server: the browser calls `/v1` on this origin and never sees the key. Without this route the
 * app's `/v1/responses` would get Angular's HTML page (a typed `http_error` in the browser:
 * "is a proxy route missing?").
 *
 *   OPENRESPONSES_API_URL=https://api.openai.com/v1 OPENRESPONSES_API_KEY=sk-… node dist/server/server.mjs
 */
app.use(
  '/v1',
  responsesRoutes({
    baseURL: process.env['OPENRESPONSES_API_URL'] ?? 'https://api.openai.com/v1',
    apiKey: process.env['OPENRESPONSES_API_KEY'],
  }),
);

/**
 * Serve static files from /browser
 */
app.use(
  express.static(browserDistFolder, {
    maxAge: '1y',
    index: false,
    redirect: false,
  }),
);

/**
 * Handle all other requests by rendering the Angular application.
 */
app.use((req, res, next) => {
  angularApp
    .handle(req)
    .then((response) => (response ? writeResponseToNodeResponse(response, res) : next()))
    .catch(next);
});

/**
 * Start the server if this module is the main entry point, or it is ran via PM2.
 * The server listens on the port defined by the `PORT` environment variable, or defaults to 4000.
 */
if (isMainModule(import.meta.url) || process.env['pm_id']) {
  const port = process.env['PORT'] || 4000;
  app.listen(port, (error) => {
    if (error) {
      throw error;
    }

    console.log(`Node Express server listening on http://localhost:${port}`);
  });
}

/**
 * Request handler used by the Angular CLI (for dev-server and during build) or Firebase Cloud Functions.
 */
export const reqHandler = createNodeRequestHandler(app);
