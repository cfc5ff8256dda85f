import { isAcceptedTimestamp, toStoredTimestamp } from '../db/values.js';
import { AppError } from '../errors.js';

/** Keyset position of the last row of a page, newest-first lists: (created_at, id). */
export interface CreatedCursor {
  createdAt: string;
  id: number;
}

/** Encodes a position as an opaque, URL-safe cursor. */
export function encodeCursor(position: CreatedCursor): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; a tampered or foreign cursor is a 400. */
export function decodeCursor(cursor: string): CreatedCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      // Exactly as stored, since the keyset compares it with stored timestamps: what `encodeCursor` wrote.
      isAcceptedTimestamp(value[0]) &&
      toStoredTimestamp(value[0]) === value[0] &&
      Number.isSafeInteger(value[1])
    ) {
      return { createdAt: value[0], id: value[1] as number };
    }
  } catch {
    // Fall through to the error below.
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this API handed out; start again without it.');
}

/**
 * Cuts `limit + 1` rows, newest first, into the page to answer and the cursor of the next one (null on the last page).
 * Lists ask the database for one row more than they show, to know whether another page follows.
 */
export function splitPage<R extends { created_at: string; id: number | string }>(
  rows: R[],
  limit: number,
): { page: R[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    page,
    next_cursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: Number(last.id) }) : null,
  };
}
