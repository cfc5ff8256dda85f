import type { Db } from '../../db/database.js';
import type { WidgetDemoConversationsTable, WidgetTokensTable } from './widget.table.js';

/** The SQL of widget tokens and of the widget demo's conversations. */
export class WidgetRepository {
  constructor(private readonly db: Db) {}

  async insertToken(row: WidgetTokensTable): Promise<void> {
    await this.db.insertInto('widget_tokens').values(row).execute();
  }

  /** Inserts the token unless it is stored already (a token derived again, see demo-tokens.ts). */
  async insertTokenOnce(row: WidgetTokensTable): Promise<void> {
    await this.db
      .insertInto('widget_tokens')
      .values(row)
      .onConflict((conflict) => conflict.column('token_hash').doNothing())
      .execute();
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

  async insertDemoConversation(row: WidgetDemoConversationsTable): Promise<void> {
    await this.db.insertInto('widget_demo_conversations').values(row).execute();
  }

  /** The organization's widget demo conversation, unless it was anonymized since. */
  async demoConversation(orgId: number) {
    return this.db
      .selectFrom('widget_demo_conversations as d')
      .innerJoin('conversations as c', 'c.id', 'd.conversation_id')
      .select(['c.id', 'c.uid'])
      .where('d.org_id', '=', orgId)
      .where('c.org_id', '=', orgId)
      .where('c.anonymized_at', 'is', null)
      .executeTakeFirst();
  }
}
