export { AccountsService } from './accounts.service.js';
export type {
  ApiKeyView,
  IssuedApiKey,
  NewSession,
  OrganizationView,
  Principal,
  SessionView,
  UserView,
} from './accounts.service.js';
export type { ApiKeysTable, OrganizationsTable, Role, SessionsTable, UsersTable } from './accounts.table.js';
export { grants, parseScopes, scopes, type Scope } from './api-keys.js';
export { accountsRoutes } from './accounts.routes.js';
export { sessionsRoutes } from './sessions.routes.js';
