// The schemas and version helpers first: they import nothing of other modules, and other modules read them while
// they load (analytics' filters build on VersionQuery); the service, exported after, reaches those modules, so a
// process that loads this index first has the schemas ready by the time they are read.
export type { Conversation } from './conversations.schemas.js';
export { Message, VersionQuery } from './conversations.schemas.js';
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
export {
  ConversationsService,
  type AnonymizeListener,
  type CloseListener,
  type ConversationRecord,
} from './conversations.service.js';
export { conversationsRoutes } from './conversations.routes.js';
