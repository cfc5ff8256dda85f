import type { Generated } from 'kysely';

export type Role = 'admin' | 'agent';

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  /** The IANA time zone whose days the analytics rollups count in; set when the organization is created. */
  timezone: Generated<string>;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: number;
  email: string;
  name: string | null;
  role: Role;
  password_hash: string | null;
  created_at: string;
  /** The agent (by the UUID conversations name) this user is, if any. */
  agent_id: Generated<string | null>;
  last_sign_in_at: string | null;
  /** Set when an admin deactivated the user: they can no longer sign in, and their keys were revoked. */
  deactivated_at: string | null;
}

export interface ApiKeysTable {
  id: Generated<number>;
  org_id: number;
  user_id: string;
  name: string | null;
  /** The first characters of the key, kept so that people can tell their keys apart. */
  key_prefix: string;
  /** SHA-256 of the whole key, hex. The key itself is never stored. */
  key_hash: string;
  /** Comma-separated scopes. */
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A dashboard session. The cookie holds a random token; only its SHA-256 (hex) is stored. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  org_id: number;
  /** Sent back by the dashboard in `x-csrf-token` on every request that changes something. */
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** An invitation to join an organization. The link carries a random token; only its SHA-256 (hex) is stored. */
export interface InvitationsTable {
  id: Generated<number>;
  org_id: number;
  email: string;
  role: Role;
  token_hash: string;
  /** The admin who sent it; null once that user is gone. */
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
