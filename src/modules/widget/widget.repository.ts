import type { Db, Dialect } from '../../db/database.js';
import { skipLocked } from '../../db/locking.js';
import type { WidgetDemoConversationsTable, WidgetTokensTable } from './widget.table.js';

/** The SQL of widget tokens and of the widget demo's conversations. */
export class WidgetRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {}

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

  /** Deletes up to `limit` tokens that expired by `now`; answers how many. */
  async deleteExpiredTokens(now: string, limit: number): Promise<number> {
    const result = await this.db
      .deleteFrom('widget_tokens')
      .where('token_hash', 'in', (eb) =>
        skipLocked(
          eb
            .selectFrom('widget_tokens')
            .select('token_hash')
            .where('expires_at', '<=', now)
            .orderBy('expires_at')
            .limit(limit),
          this.dialect,
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
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
