import type { Generated } from 'kysely';

/** What a search document holds the words of (a message's words live on the message). */
export type SearchSource = 'contact' | 'rating' | 'feedback';

/**
 * One searchable text of a conversation other than its messages, as words (see words.ts): its contact (name, email,
 * external id), a rating's comment, or the current feedback comments on a message. `source_id` is the conversation's,
 * the rating's and the message's id respectively.
 */
export interface SearchDocumentsTable {
  id: Generated<number>;
  org_id: number;
  conversation_id: number;
  source: SearchSource;
  source_id: number;
  words: string;
}

/** SQLite only: up to which id each table's words are in the FTS5 index; the rows above are read directly. */
export interface SearchIndexProgressTable {
  source: 'messages' | 'search_documents';
  indexed_up_to: number;
}
