import { createServer, type Server } from 'node:http';
import type { WebhookWorker } from '../../src/modules/webhooks/index.js';

export interface ReceivedEvent {
  path: string;
  headers: Record<string, string>;
  body: string;
  event: { type: string; timestamp: string; data: Record<string, unknown> };
}

/** A real HTTP receiver on 127.0.0.1 that keeps what it got and answers 200. */
export async function startReceiver() {
  const received: ReceivedEvent[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'content-type']) {
        headers[name] = String(request.headers[name]);
      }
      received.push({ path: request.url ?? '/', headers, body, event: JSON.parse(body) });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs the worker until nothing is due. */
export async function drain(worker: WebhookWorker): Promise<void> {
  for (let round = 0; round < 20; round += 1) if ((await worker.runOnce()) === 0) return;
}
