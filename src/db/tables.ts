import type { ApiKeysTable, OrganizationsTable, UsersTable } from '../modules/accounts/accounts.table.js';
import type { AuditLogTable } from '../modules/audit/audit.table.js';
import type { ConversationsTable, MessagesTable } from '../modules/conversations/conversations.table.js';

/** Every table, as Kysely sees it. Each module owns the row types of its tables. */
export interface Tables {
  organizations: OrganizationsTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  audit_log: AuditLogTable;
}
