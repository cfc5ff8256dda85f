import type { Generated } from 'kysely';

/** An organization's Langfuse connection: at most one. */
export interface LangfuseConnectionsTable {
  id: Generated<number>;
  org_id: number;
  /** Without a trailing slash, e.g. `https://cloud.langfuse.com`. */
  base_url: string;
  public_key: string;
  /** The secret key, sealed (see secrets.ts); never returned. */
  secret_sealed: string;
  created_at: string;
  updated_at: string;
}
