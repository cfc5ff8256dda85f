/** A widget token: a credential for one conversation, stored as the SHA-256 of the token. */
export interface WidgetTokensTable {
  token_hash: string;
  org_id: number;
  conversation_id: number;
  created_at: string;
  expires_at: string;
}

/** The conversation `/widget-demo` shows for an organization: one the demo seed made for it, never a customer's. */
export interface WidgetDemoConversationsTable {
  org_id: number;
  conversation_id: number;
  created_at: string;
}
