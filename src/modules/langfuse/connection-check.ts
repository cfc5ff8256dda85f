import { urlProblem, WebhookTransport } from '../webhooks/index.js';

const TIMEOUT_MS = 10_000;
/** Enough of Langfuse's answer for the project's id and name. */
const MAX_BODY_BYTES = 64 * 1024;

/** What checking a connection found: whether Langfuse took its keys, and for which project. */
export interface ConnectionCheck {
  ok: boolean;
  status_code: number | null;
  project: { id: string; name: string } | null;
  /** Why the check failed, in words; null when it passed. */
  error: string | null;
  checked_at: string;
}

/**
 * Asks Langfuse which project the keys belong to (`GET /api/public/projects` with Basic auth), over the outbox's own
 * transport: the same address rules, no redirects followed. Nothing is written, here or in Langfuse.
 */
export async function checkConnection(
  connection: { baseUrl: string; publicKey: string; secret: string | undefined },
  allowPrivateNetworks: boolean,
): Promise<ConnectionCheck> {
  const checked_at = new Date().toISOString();
  const failed = (error: string, status_code: number | null = null): ConnectionCheck => ({
    ok: false,
    status_code,
    project: null,
    error,
    checked_at,
  });
  if (connection.secret === undefined) {
    return failed('The saved secret key cannot be read: PLAUDIT_SECRET_KEY is unset or not the one it was saved with.');
  }
  const url = `${connection.baseUrl}/api/public/projects`;
  const refused = urlProblem(url, allowPrivateNetworks);
  if (refused) return failed(refused);
  const credentials = Buffer.from(`${connection.publicKey}:${connection.secret}`).toString('base64');
  const transport = new WebhookTransport({ allowPrivateNetworks });
  try {
    const outcome = await transport.send(
      'GET',
      url,
      { accept: 'application/json', 'user-agent': 'Plaudit-Langfuse/1', authorization: `Basic ${credentials}` },
      undefined,
      TIMEOUT_MS,
      MAX_BODY_BYTES,
    );
    switch (outcome.kind) {
      case 'timed_out':
        return failed(`Langfuse did not answer within ${TIMEOUT_MS / 1000} s.`);
      case 'refused':
      case 'failed':
        return failed(`Langfuse could not be reached: ${outcome.error}`);
      case 'answered':
        break;
    }
    const status = outcome.status;
    if (status === 401 || status === 403) {
      return failed(`Langfuse refused the keys (HTTP ${status}): check the project's public and secret key.`, status);
    }
    if (status < 200 || status > 299) {
      return failed(
        status >= 300 && status < 400
          ? `Langfuse answered with a redirect (HTTP ${status}), which is not followed: check the address.`
          : `Langfuse answered HTTP ${status}: check the address.`,
        status,
      );
    }
    const project = projectOf(outcome.body ?? '');
    if (!project) return failed('The address answered, but not as Langfuse does: check the address.', status);
    return { ok: true, status_code: status, project, error: null, checked_at };
  } finally {
    transport.close();
  }
}

/** The project of Langfuse's `{"data": [{"id", "name", …}]}`: project keys see exactly one. */
function projectOf(body: string): { id: string; name: string } | undefined {
  try {
    const first = (JSON.parse(body) as { data?: Array<{ id?: unknown; name?: unknown }> }).data?.[0];
    if (typeof first?.id !== 'string') return undefined;
    return { id: first.id, name: typeof first.name === 'string' ? first.name : first.id };
  } catch {
    return undefined;
  }
}
