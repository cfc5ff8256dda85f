import type { Db } from '../../db/database.js';
import { booleanParam } from '../../db/values.js';

/** The few facts the first-day checklist is derived from, each one indexed query bound to one organization. */
export class SetupRepository {
  constructor(private readonly db: Db) {}

  organization(orgId: number) {
    return this.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
  }

  /** When a key other than the one the organization was created with was made: someone made a key of their own. */
  async ownKeyCreatedAt(orgId: number): Promise<string | undefined> {
    const first = await this.db
      .selectFrom('api_keys')
      .select('id')
      .where('org_id', '=', orgId)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!first) return undefined;
    const row = await this.db
      .selectFrom('api_keys')
      .select('created_at')
      .where('org_id', '=', orgId)
      .where('id', '>', Number(first.id))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.created_at;
  }

  async firstConversationAt(orgId: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('created_at')
      .where('org_id', '=', orgId)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row?.created_at;
  }

  /** When the rating settings were last saved with ratings on; undefined if never saved, or saved with them off. */
  async ratingsOnSavedAt(orgId: number): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('rating_settings')
      .select('updated_at')
      .where('org_id', '=', orgId)
      .where('conv_rating_active', '=', booleanParam(true))
      .executeTakeFirst();
    return row?.updated_at ?? undefined;
  }

  /** Whether the widget is in use: a widget token is live, or someone answered the popup. */
  async widgetUsedAt(orgId: number): Promise<string | undefined> {
    const token = await this.db
      .selectFrom('widget_tokens')
      .select('created_at')
      .where('org_id', '=', orgId)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    const popup = await this.db
      .selectFrom('ratings')
      .select('created_at')
      .where('org_id', '=', orgId)
      .where('source', '=', 'popup')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    const times = [token?.created_at, popup?.created_at].filter((time): time is string => Boolean(time));
    return times.sort()[0];
  }
}
