export type { TopicMembersTable, TopicPolarity, TopicRunsTable, TopicsTable } from './topics.table.js';
export { TopicsService, type TopicsOptions } from './topics.service.js';
export { topicsRoutes } from './topics.routes.js';
