export {
  LangfuseService,
  type AnsweredQuestion,
  type FeedbackWritten,
  type LangfuseConnection,
  type LangfuseConnectionInput,
  type LangfuseOptions,
} from './langfuse.service.js';
export type { LangfuseConnectionsTable } from './langfuse.table.js';
export { langfuseRoutes } from './langfuse.routes.js';
