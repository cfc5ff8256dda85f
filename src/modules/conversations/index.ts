export {
  ConversationsService,
  type AnonymizeListener,
  type CloseListener,
  type ConversationRecord,
} from './conversations.service.js';
export { conversationsRoutes } from './conversations.routes.js';
export type { Conversation } from './conversations.schemas.js';
export { Message } from './conversations.schemas.js';
export type { ConversationsTable, MessagesTable, VersionDimension, VersionLabelsTable } from './conversations.table.js';
export {
  Tags,
  VersionFields,
  labelKey,
  labelsMissing,
  distinctLabels,
  storedTags,
  type VersionChange,
  type VersionLabel,
} from './versions.js';
export {
  VersionLabelsRepository,
  conversationHasLabels,
  filterLabels,
  messageHasLabels,
  type VersionFilter,
} from './versions.repository.js';
export { VersionQuery } from './conversations.schemas.js';
