import http from 'node:http';
import https from 'node:https';
import { AddressRefusedError, checkedLookup, systemResolve, type Resolve } from './addresses.js';

/** How one POST to a receiver ended: its status, or why there was none. */
export type PostOutcome =
  | { kind: 'answered'; status: number; /** With `readBody`: the answer's start, as text. */ body?: string }
  | { kind: 'refused'; error: string }
  | { kind: 'timed_out' }
  | { kind: 'failed'; error: string };

export interface TransportOptions {
  allowPrivateNetworks: boolean;
  /** DNS; the system resolver by default (tests answer for names of their own). */
  resolve?: Resolve;
}

/**
 * POSTs webhook deliveries. Connections resolve their host through `checkedLookup`, so the address a request is sent
 * to is the address that was checked. Redirects are never followed (node:http does not follow them); connections are
 * kept alive between deliveries to the same receiver.
 */
export class WebhookTransport {
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(options: TransportOptions) {
    const lookup = checkedLookup(options.resolve ?? systemResolve, options.allowPrivateNetworks);
    this.agents = {
      http: new http.Agent({ keepAlive: true, lookup }),
      https: new https.Agent({ keepAlive: true, lookup }),
    };
  }

  /** POSTs `body` and reads the answer to its end, all within `timeoutMs`. */
  post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostOutcome> {
    return this.send('POST', url, headers, body, timeoutMs);
  }

  /**
   * Sends one request (a GET or DELETE has no body) and reads the answer to its end, all within `timeoutMs`; with
   * `readBody`, keeps up to that many bytes of the answer.
   */
  send(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
    readBody = 0,
  ): Promise<PostOutcome> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: PostOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const request = (secure ? https : http).request(
        target,
        {
          method,
          agent: secure ? this.agents.https : this.agents.http,
          headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          // Reading the body to its end lets the connection serve the next delivery; only its start is kept.
          const kept: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size >= readBody) return;
            kept.push(chunk.subarray(0, readBody - size));
            size += chunk.length;
          });
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            settle({
              kind: 'answered',
              status,
              ...(readBody > 0 ? { body: Buffer.concat(kept).toString('utf8') } : {}),
            });
          });
          response.on('error', (error) => settle({ kind: 'failed', error: error.message }));
        },
      );
      const timer = setTimeout(() => {
        settle({ kind: 'timed_out' });
        request.destroy();
      }, timeoutMs);
      request.on('error', (error) => {
        settle(error instanceof AddressRefusedError ? { kind: 'refused', error: error.message } : failed(error));
      });
      request.end(body);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

function failed(error: NodeJS.ErrnoException): PostOutcome {
  return { kind: 'failed', error: error.message || error.code || 'The connection failed.' };
}
