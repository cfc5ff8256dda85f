export { AccountsService } from './accounts.service.js';
export type { ApiKeyView, IssuedApiKey, OrganizationView, Principal, UserView } from './accounts.service.js';
export { SessionsService, type NewSession, type SessionView } from './sessions.service.js';
export type {
  ApiKeysTable,
  InvitationsTable,
  OrganizationsTable,
  Role,
  SessionsTable,
  UsersTable,
} from './accounts.table.js';
export { grants, parseScopes, scopes, type Scope } from './api-keys.js';
export { accountsRoutes } from './accounts.routes.js';
export { sessionsRoutes } from './sessions.routes.js';
export { TeamService, INVITATION_LIFETIME_MS } from './team.service.js';
export type { InvitationView, IssuedInvitation, TeamMember } from './team.service.js';
export { ProfileService } from './profile.service.js';
export { smtpMailer, type Email, type Mailer } from './mailer.js';
export { teamRoutes } from './team.routes.js';
export { invitationRoutes } from './invitations.routes.js';
