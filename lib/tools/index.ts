/**
 * `rxjs-openresponses/tools`: the tool loop. Its own entry point because deriving tool definitions
 * from zod schemas brings zod's JSON Schema converter, which an app that only streams answers
 * should not ship; the errors it reports are part of the main entry's error family.
 */
export { runTools } from './run-tools';
export type { RunToolsConfig } from './run-tools';
export type { StepEvent } from './step-event';
export type { RunnableTool, RunnableTools, ToolContext } from './tool';
export type { ToolSocket } from './tool-socket';
