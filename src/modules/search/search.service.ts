import type { Expression, SqlBool } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { SearchRepository, type SearchDocument } from './search.repository.js';
import { indexedText, type SearchTerm } from './words.js';

/** A conversation as its contact document needs it. */
export interface ContactFields {
  id: number;
  org_id: number;
  external_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
}

/** Rows the rebuild reads at a time, and the FTS5 catch-up moves per transaction. */
const BATCH = 5000;

/**
 * The inbox's search index: the searchable texts of every conversation — its contact's name, email and external id,
 * its messages, its ratings' comments and the current feedback comments on its messages — as words, with the engine's
 * inverted index over them. Every module that writes one of these texts writes its words with the executor of its own
 * transaction, so that a search finds exactly what is committed.
 */
export class SearchIndex {
  private readonly repository: SearchRepository;

  constructor(private readonly database: Database) {
    this.repository = new SearchRepository(database.db, database.dialect);
  }

  /** A message's words, as its `search_words` column stores them: null when it has none. */
  messageWords(text: string | null | undefined): string | null {
    return indexedText(text) || null;
  }

  /** The contact's document of a conversation: its name, email and external id. */
  contactDocument(conversation: ContactFields): SearchDocument {
    return {
      org_id: conversation.org_id,
      conversation_id: conversation.id,
      source: 'contact',
      source_id: conversation.id,
      words: indexedText(conversation.contact_name, conversation.contact_email, conversation.external_id),
    };
  }

  /** A rating's comment as a document. */
  ratingDocument(rating: { orgId: number; conversationId: number; ratingId: number; comment: string | null }) {
    return {
      org_id: rating.orgId,
      conversation_id: rating.conversationId,
      source: 'rating',
      source_id: rating.ratingId,
      words: indexedText(rating.comment),
    } satisfies SearchDocument;
  }

  /** The current feedback comments of every author on one message, as one document. */
  feedbackDocument(message: {
    orgId: number;
    conversationId: number;
    messageId: number;
    comments: Array<string | null>;
  }) {
    return {
      org_id: message.orgId,
      conversation_id: message.conversationId,
      source: 'feedback',
      source_id: message.messageId,
      words: indexedText(...message.comments),
    } satisfies SearchDocument;
  }

  /** Indexes the contacts of new conversations (creation, import). */
  async addContacts(db: Db, conversations: ContactFields[]): Promise<void> {
    const documents = conversations.map((conversation) => this.contactDocument(conversation));
    await this.repository.insertDocuments(
      db,
      documents.filter((document) => document.words !== ''),
    );
  }

  /** Indexes a rating's comment as it is now (none removes it). */
  async saveRatingComment(db: Db, rating: Parameters<SearchIndex['ratingDocument']>[0]): Promise<void> {
    await this.repository.saveDocument(db, this.ratingDocument(rating));
  }

  /** Indexes the current feedback comments on one message as they are now (none removes them). */
  async saveFeedbackComments(db: Db, message: Parameters<SearchIndex['feedbackDocument']>[0]): Promise<void> {
    await this.repository.saveDocument(db, this.feedbackDocument(message));
  }

  /**
   * Removes what anonymization removes from the documents: the comments' words and the contact's name and email. The
   * external id stays searchable, as it stays on the conversation; the messages' words go with their texts.
   */
  async forgetConversation(db: Db, conversation: ContactFields): Promise<void> {
    await this.repository.deleteDocuments(db, conversation.id, ['rating', 'feedback']);
    await this.repository.saveDocument(
      db,
      this.contactDocument({ ...conversation, contact_name: null, contact_email: null }),
    );
  }

  /** Whether the conversation at `c.id`/`c.uid` of the outer query holds the term (exact; see SearchRepository). */
  containsTerm(conversation: { id: Expression<number>; uid: Expression<string> }, term: SearchTerm) {
    return this.repository.containsTerm(conversation, term) as Expression<SqlBool>;
  }

  /** The organization's conversations the index finds the term's words in, or undefined when they are too many. */
  conversationsWithTerm(orgId: number, term: SearchTerm, limit: number): Promise<number[] | undefined> {
    return this.repository.conversationsWithTerm(orgId, term, limit);
  }

  /**
   * SQLite: moves the words written since the last call into FTS5, a batch per transaction, until none is left (the
   * server calls it a few times a second). Searches find new words before this as after it; it only keeps the part
   * they read directly small. Nothing to do on PostgreSQL.
   */
  async catchUp(): Promise<void> {
    while (await this.repository.catchUp(BATCH)) {
      // Each batch is a transaction of its own, so that writes interleave with a long catch-up.
    }
  }

  /**
   * Builds the whole index again from the stored records, in one transaction: after the migration that created it,
   * and whenever what a word is changes.
   */
  async rebuild(): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      await this.repository.resetInvertedIndex(trx);
      await trx.deleteFrom('search_documents').execute();
      await inBatches(async (after) => {
        const rows = await trx
          .selectFrom('conversations')
          .select(['id', 'org_id', 'external_id', 'contact_name', 'contact_email'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        await this.addContacts(trx, rows);
        return rows.at(-1)?.id;
      });
      await inBatches(async (after) => {
        const rows = await trx
          .selectFrom('messages')
          .select(['id', 'text'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        await this.repository.setMessageWords(
          trx,
          rows.map((row) => ({ id: row.id, words: this.messageWords(row.text) })),
        );
        return rows.at(-1)?.id;
      });
      await inBatches(async (after) => {
        const rows = await trx
          .selectFrom('ratings')
          .select(['id', 'org_id', 'conversation_id', 'comment'])
          .where('id', '>', after)
          .orderBy('id')
          .limit(BATCH)
          .execute();
        const documents = rows.map((row) =>
          this.ratingDocument({
            orgId: row.org_id,
            conversationId: row.conversation_id,
            ratingId: row.id,
            comment: row.comment,
          }),
        );
        await this.repository.insertDocuments(
          trx,
          documents.filter((document) => document.words !== ''),
        );
        return rows.at(-1)?.id;
      });
      // Current feedback has no id of its own: walk it by message, every author's comment on a message together.
      await inBatches(async (after) => {
        const last = await trx
          .selectFrom('message_feedback_current')
          .select('message_id')
          .where('message_id', '>', after)
          .orderBy('message_id')
          .offset(BATCH - 1)
          .limit(1)
          .executeTakeFirst();
        let query = trx
          .selectFrom('message_feedback_current')
          .select(['message_id', 'org_id', 'conversation_id', 'comment'])
          .where('message_id', '>', after)
          .where('comment', 'is not', null)
          .orderBy('message_id');
        if (last) query = query.where('message_id', '<=', last.message_id);
        const comments = new Map<number, Array<{ org_id: number; conversation_id: number; comment: string | null }>>();
        for (const row of await query.execute()) {
          comments.set(Number(row.message_id), [...(comments.get(Number(row.message_id)) ?? []), row]);
        }
        const documents = [...comments].map(([messageId, rows]) =>
          this.feedbackDocument({
            orgId: rows[0]!.org_id,
            conversationId: rows[0]!.conversation_id,
            messageId,
            comments: rows.map((row) => row.comment),
          }),
        );
        await this.repository.insertDocuments(
          trx,
          documents.filter((document) => document.words !== ''),
        );
        return last?.message_id;
      });
    });
    await this.catchUp();
  }
}

/** Runs `batch` from id 0, then again after the last id it answers, until it answers none. */
async function inBatches(batch: (after: number) => Promise<number | undefined>): Promise<void> {
  for (let after: number | undefined = 0; after !== undefined;) after = await batch(Number(after));
}
