// A typed client for Plaudit's native API. The types come from docs/openapi.json (see schema.d.ts); openapi-fetch
// does the requests, and this file adds the API key, a typed error and the few flows most integrations need.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** The JSON body of a `method` request to `path`. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** What a successful (2xx, with a body) `method` request to `path` answers. */
export type ResponseBody<P extends keyof paths, M extends 'get' | 'post' | 'patch' | 'delete'> = paths[P][M] extends {
  responses: infer R;
}
  ? JsonOf<R[Extract<keyof R, 200 | 201>]>
  : never;

type Data<P extends keyof paths, M extends 'get' | 'post' | 'patch' | 'delete'> =
  ResponseBody<P, M> extends { data: infer D } ? D : never;

export type Conversation = Data<'/v1/conversations', 'post'>;
export type Rating = Data<'/v1/conversations/{id}/ratings', 'post'>;
export type RatingInvite = Data<'/v1/conversations/{id}/rating-invites', 'post'>;
export type MessageFeedback = Data<'/v1/messages/{uid}/feedback', 'post'>;
export type AnalyticsSummary = Data<'/v1/analytics/summary', 'get'>;

/** The GET paths that answer `{ data: [...], next_cursor }` and take a `cursor`. */
export type PaginatedPath = {
  [P in keyof paths]: paths[P] extends {
    get: {
      parameters: { query?: { cursor?: string } };
      responses: { 200: { content: { 'application/json': { data: unknown[]; next_cursor: string | null } } } };
    };
  }
    ? P
    : never;
}[keyof paths];

/** One item of a paginated list. */
export type PageItem<P extends PaginatedPath> = ResponseBody<P, 'get'> extends { data: (infer I)[] } ? I : never;

/** The query of a paginated list, without the cursor, which `paginate` manages. */
export type PageQuery<P extends PaginatedPath> = Omit<
  NonNullable<paths[P] extends { get: { parameters: { query?: infer Q } } } ? Q : never>,
  'cursor'
>;

/** The native error body: `{"error":{"code","message"}}`. */
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** An answer other than 2xx, carrying the API's stable error `code` (see docs/errors.md). */
export class PlauditError extends Error {
  override readonly name = 'PlauditError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The stable, machine-readable code, e.g. `conversation_not_found`; `unexpected_response` without a native body. */
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Returns the answer's data, or throws a PlauditError for an answer other than 2xx. */
function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T;
  const body = result.error;
  if (isErrorBody(body)) {
    throw new PlauditError(result.response.status, body.error.code, body.error.message, body.error.details);
  }
  throw new PlauditError(
    result.response.status,
    'unexpected_response',
    `HTTP ${result.response.status} without a Plaudit error body`,
  );
}

export interface PlauditClientOptions {
  /** Where Plaudit answers, e.g. `https://plaudit.example.com` (without `/v1`). */
  baseUrl: string;
  /** An API key (`plaudit_...`), sent as `Authorization: Bearer`. */
  apiKey: string;
  /** Another fetch, e.g. one with a proxy or a test double; the global fetch by default. */
  fetch?: (request: Request) => Promise<Response>;
}

export type PlauditClient = Client<paths> & {
  /** Records a conversation, optionally with its messages (`POST /v1/conversations`). */
  createConversation(body: RequestBody<'/v1/conversations', 'post'>): Promise<Conversation>;
  /** Offers a survey with the given questions on a conversation (`POST /v1/conversations/{id}/ratings`). */
  offerRating(
    conversationId: string | number,
    body: RequestBody<'/v1/conversations/{id}/ratings', 'post'>,
  ): Promise<Rating>;
  /** The invite text and rating-page link to send the contact (`POST /v1/conversations/{id}/rating-invites`). */
  sendRatingInvite(conversationId: string | number): Promise<RatingInvite>;
  /** Answers questions of a rating (`POST /v1/ratings/{id}/answers`). */
  answerRating(ratingId: string | number, body: RequestBody<'/v1/ratings/{id}/answers', 'post'>): Promise<Rating>;
  /**
   * Likes, dislikes or comments on a message (`POST /v1/messages/{uid}/feedback`); `undefined` when the API
   * answered 204 because nothing changed.
   */
  sendMessageFeedback(
    messageUid: string,
    body: RequestBody<'/v1/messages/{uid}/feedback', 'post'>,
  ): Promise<MessageFeedback | undefined>;
  /** CSAT, NPS, thumbs and message-feedback figures (`GET /v1/analytics/summary`). */
  analyticsSummary(
    query?: NonNullable<paths['/v1/analytics/summary']['get']['parameters']['query']>,
  ): Promise<AnalyticsSummary>;
  /** Every item of a cursor-paginated list, fetching the next page as the loop reaches it. */
  paginate<P extends PaginatedPath>(path: P, query?: PageQuery<P>): AsyncGenerator<PageItem<P>, void, undefined>;
};

/** A client for the native API of the Plaudit at `baseUrl`, authenticated with `apiKey`. */
export function createPlauditClient(options: PlauditClientOptions): PlauditClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { Authorization: `Bearer ${options.apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const id = (value: string | number) => String(value);

  return Object.assign(client, {
    async createConversation(body: RequestBody<'/v1/conversations', 'post'>) {
      return unwrap(await client.POST('/v1/conversations', { body })).data;
    },
    async offerRating(conversationId: string | number, body: RequestBody<'/v1/conversations/{id}/ratings', 'post'>) {
      const params = { path: { id: id(conversationId) } };
      return unwrap(await client.POST('/v1/conversations/{id}/ratings', { params, body })).data;
    },
    async sendRatingInvite(conversationId: string | number) {
      const params = { path: { id: id(conversationId) } };
      return unwrap(await client.POST('/v1/conversations/{id}/rating-invites', { params })).data;
    },
    async answerRating(ratingId: string | number, body: RequestBody<'/v1/ratings/{id}/answers', 'post'>) {
      const params = { path: { id: id(ratingId) } };
      return unwrap(await client.POST('/v1/ratings/{id}/answers', { params, body })).data;
    },
    async sendMessageFeedback(messageUid: string, body: RequestBody<'/v1/messages/{uid}/feedback', 'post'>) {
      const params = { path: { uid: messageUid } };
      return unwrap(await client.POST('/v1/messages/{uid}/feedback', { params, body }))?.data;
    },
    async analyticsSummary(query?: NonNullable<paths['/v1/analytics/summary']['get']['parameters']['query']>) {
      return unwrap(await client.GET('/v1/analytics/summary', { params: { query } })).data;
    },
    async *paginate<P extends PaginatedPath>(path: P, query?: PageQuery<P>) {
      let cursor: string | undefined;
      do {
        // The generic path defeats openapi-fetch's overloads; PaginatedPath guarantees the shape read here.
        const get = client.GET as unknown as (
          path: string,
          init: { params: { query: Record<string, unknown> } },
        ) => Promise<{
          data?: { data: PageItem<P>[]; next_cursor: string | null };
          error?: unknown;
          response: Response;
        }>;
        const page = unwrap(await get(path, { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } }));
        yield* page.data;
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
    },
  });
}
