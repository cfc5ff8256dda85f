import type { Db } from '../../db/database.js';
import type { WidgetTokensTable } from './widget.table.js';

/** The SQL of widget tokens. */
export class WidgetRepository {
  constructor(private readonly db: Db) {}

  async insertToken(row: WidgetTokensTable): Promise<void> {
    await this.db.insertInto('widget_tokens').values(row).execute();
  }

  async findToken(tokenHash: string) {
    return this.db
      .selectFrom('widget_tokens')
      .innerJoin('conversations', 'conversations.id', 'widget_tokens.conversation_id')
      .select([
        'widget_tokens.org_id',
        'widget_tokens.conversation_id',
        'widget_tokens.expires_at',
        'conversations.uid as conversation_uid',
      ])
      .where('widget_tokens.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** The newest conversation with messages of the organization called `name`, for the demo page. */
  async demoConversation(organizationName: string) {
    return this.db
      .selectFrom('conversations')
      .innerJoin('organizations', 'organizations.id', 'conversations.org_id')
      .select(['conversations.org_id', 'conversations.uid'])
      .where('organizations.name', '=', organizationName)
      .where('conversations.anonymized_at', 'is', null)
      .where((eb) =>
        eb.exists(
          eb.selectFrom('messages').select('messages.id').whereRef('messages.conversation_id', '=', 'conversations.id'),
        ),
      )
      .orderBy('conversations.id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
}
