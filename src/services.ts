import type { Database } from './db/database.js';
import { AccountsService } from './modules/accounts/index.js';
import { ConversationsService } from './modules/conversations/index.js';

/** The application's services, built once over one database and shared by the HTTP layer and the CLI. */
export interface Services {
  accounts: AccountsService;
  conversations: ConversationsService;
}

export function createServices(database: Database): Services {
  return {
    accounts: new AccountsService(database),
    conversations: new ConversationsService(database),
  };
}
