/**
 * `rxjs-openresponses/angular`: the client config and `fetch` in dependency injection, and
 * `responseResource`, a streamed response as signals paced to animation frames, and `chatResource`, a conversation as signals. Needs
 * `@angular/core` (an optional peer dependency: 20 or 21).
 */
export {
  OPENRESPONSES_CONFIG,
  OPENRESPONSES_FETCH,
  provideOpenResponses,
} from './provide-open-responses';
export type { OpenResponsesConfig } from './provide-open-responses';
export { responseResource } from './response-resource';
export type {
  ResponseResource,
  ResponseResourceOptions,
  ResponseStatus,
} from './response-resource';
export { chatResource } from './chat-resource';
export type { ChatResource, ChatResourceOptions } from './chat-resource';
