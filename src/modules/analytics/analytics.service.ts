import type { Database } from '../../db/database.js';

/** Analytics over ratings and message feedback, read from daily rollups. */
export class AnalyticsService {
  private readonly timezones = new Map<number, string>();

  constructor(private readonly database: Database) {}

  /**
   * The organization's reporting time zone. It is set when the organization is created and never changes, so it is
   * cached for the life of the process.
   */
  async timezoneOf(orgId: number): Promise<string> {
    let tz = this.timezones.get(orgId);
    if (tz === undefined) {
      const row = await this.database.db
        .selectFrom('organizations')
        .select('timezone')
        .where('id', '=', orgId)
        .executeTakeFirst();
      tz = row?.timezone ?? 'UTC';
      this.timezones.set(orgId, tz);
    }
    return tz;
  }
}
