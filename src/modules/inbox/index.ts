export {
  InboxService,
  SEARCH_INDEX_LIMIT,
  SEARCH_SAMPLE_HITS,
  SEARCH_WALK,
  type InboxOptions,
} from './inbox.service.js';
export { inboxRoutes } from './inbox.routes.js';
export type { InboxItem, InboxQuery } from './inbox.schemas.js';
export {
  ConversationConditions,
  InboxFilterQuery,
  resolveConversationFilter,
  type ConversationFilter,
  type InboxFilterInput,
} from './filters.js';
