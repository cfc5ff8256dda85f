export { InboxService } from './inbox.service.js';
export { inboxRoutes } from './inbox.routes.js';
export type { InboxItem, InboxQuery } from './inbox.schemas.js';
