/**
 * `rxjs-openresponses/chat`: a multi-turn conversation as state (`conversation`), framework-free.
 * Its own entry point because it runs tools through the tool loop of `rxjs-openresponses/tools`
 * (zod's JSON Schema converter included), which an app that streams one answer should not ship.
 * `markdownBlocks` (an operator of `lib/operators/`) is published here, with the chat it renders,
 * rather than from the main entry, so that the chat adds nothing to what the main entry ships.
 */
export { conversation } from './conversation';
export type { Conversation } from './conversation';
export type { ConversationOptions } from './conversation-options';
export type {
  ChatInput,
  ChatState,
  ChatTurn,
  PendingApproval,
  TurnError,
  TurnStatus,
} from './chat-state';
export { markdownBlocks } from '../operators/markdown-blocks';
export type { MarkdownBlocks } from '../operators/markdown-blocks';
