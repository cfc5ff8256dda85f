import type { FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import { compareLsn, LSN, replicaScope, type ReadReplica } from '../db/read-replica.js';
import { cookieOf } from './auth.js';

/**
 * The dashboard's read-your-writes across nodes: after a change, the browser carries the primary's WAL position, and
 * a node sends its reads to the replica only once the replica has replayed that far.
 */
export const READ_AFTER_COOKIE = 'plaudit_read_after';
/** Long enough for any replica worth reading from; after it, reads go to the replica whatever it holds. */
const READ_AFTER_SECONDS = 300;

/** Where each organization's latest write in this process left the primary's WAL: read-your-writes for API keys. */
export class WritePositions {
  readonly #byOrg = new Map<number, string>();

  note(orgId: number, position: string): void {
    const known = this.#byOrg.get(orgId);
    if (known === undefined || compareLsn(position, known) > 0) this.#byOrg.set(orgId, position);
  }

  get(orgId: number): string | undefined {
    return this.#byOrg.get(orgId);
  }
}

const isRead = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD';

/** After an accepted change by a key or a session, remembers where the primary's WAL stood. */
export function recordWrites(replica: ReadReplica, positions: WritePositions): onSendHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const principal = request.principal;
    if (isRead(request) || reply.statusCode >= 400 || !principal) return payload;
    let position: string;
    try {
      position = await replica.primaryPosition();
    } catch (error) {
      // The change is made; without its position the next reads may lag behind it, which is the one cost.
      request.log.warn({ err: error }, 'could not read the primary WAL position after a change');
      return payload;
    }
    positions.note(principal.orgId, position);
    if (principal.via === 'session') {
      // A WAL position is hex digits and a slash: a cookie value as it is. Fastify adds it beside other cookies set.
      const secure = request.protocol === 'https' ? '; Secure' : '';
      reply.header(
        'set-cookie',
        `${READ_AFTER_COOKIE}=${position}; Max-Age=${READ_AFTER_SECONDS}; Path=/; HttpOnly; SameSite=Lax${secure}`,
      );
    }
    return payload;
  };
}

/**
 * Runs a read route's handler with its queries on the replica, unless the caller changed something the replica has
 * not replayed yet; then on the primary. `Plaudit-Read-From` says which answered.
 */
export function readsFromReplica(replica: ReadReplica, positions: WritePositions): preHandlerHookHandler {
  return (request, reply, done) => {
    if (!isRead(request) || !request.principal) return done();
    const cookie = cookieOf(request, READ_AFTER_COOKIE);
    const wanted = [positions.get(request.principal.orgId), cookie && LSN.test(cookie) ? cookie : undefined]
      .filter((position): position is string => position !== undefined)
      .sort(compareLsn)
      .at(-1);
    const decided = wanted === undefined ? Promise.resolve(true) : replica.caughtUp(wanted);
    void decided.then((useReplica) => {
      reply.header('plaudit-read-from', useReplica ? 'replica' : 'primary');
      // The handler runs inside this call, so every query it makes sees the scope.
      replicaScope.run(useReplica, done);
    });
  };
}
