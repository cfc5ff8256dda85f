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
      !Number.isNaN(Date.parse(value[0])) &&
      Number.isSafeInteger(value[1])
    ) {
      return { createdAt: value[0], id: value[1] as number };
    }
  } catch {
    // Fall through to the error below.
  }
  throw new AppError('invalid_cursor', 'The cursor is not one this API handed out; start again without it.');
}
