export { ConversationsService, type AnonymizeListener, type ConversationRecord } from './conversations.service.js';
export { conversationsRoutes } from './conversations.routes.js';
export type { Conversation } from './conversations.schemas.js';
export { Message } from './conversations.schemas.js';
export type { ConversationsTable, MessagesTable, VersionDimension, VersionLabelsTable } from './conversations.table.js';
