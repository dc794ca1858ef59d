import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach } from 'vitest';

/**
 * What the server does with one request, in order of arrival. Faults are real: a reset destroys
 * the TCP socket, a stall holds the connection open without writing.
 */
export type Fault =
  /** Answers; `headersAfterMs` holds the status line back that long first (slow headers). */
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: string | object; headersAfterMs?: number }
  /** Sends status and headers and the first part of the body, then stalls (slow body). */
  | { kind: 'stall-body'; status: number; headers?: Record<string, string>; firstChunk: string }
  /** Reads the request, then destroys the socket without answering. */
  | { kind: 'reset' }
  /** Never answers. */
  | { kind: 'hang' };

export interface Attempt {
  /** `performance.now()` when the request arrived. */
  readonly at: number;
  readonly method: string;
  /** The path and query string. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The request body, once it has arrived. */
  body: string;
  /** Resolves when the client's socket for this request is closed. */
  readonly socketClosed: Promise<void>;
}

export interface FaultServer {
  readonly url: string;
  readonly attempts: Attempt[];
  close(): Promise<void>;
}

export const session = { client_secret: { value: 'ek_test_secret', expires_at: 1_900_000_000 }, voice: 'ash', modalities: ['text', 'audio'] };

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Fault => ({
  kind: 'respond',
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * A node:http server on 127.0.0.1 (port 0) that plays `script`, one fault per request; a request
 * beyond the script gets a 418 so an unexpected attempt fails the test loudly. `extra` handles
 * other paths (the browser test serves its page through it).
 */
export async function startFaultServer(
  script: readonly Fault[],
  extra?: (path: string, response: ServerResponse) => boolean,
): Promise<FaultServer> {
  const attempts: Attempt[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const server = createServer((request, response) => {
    if (extra?.(request.url ?? '/', response)) return;
    const at = performance.now();
    const socket = request.socket;
    const socketClosed = socket.destroyed ? Promise.resolve() : new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Counted on arrival, not once the body is in: a client that aborts early (a short timeout on
    // a loaded machine) may hang up before the server has read the body.
    const attempt: Attempt = { at, method: request.method ?? '', url: request.url ?? '/', headers: request.headers, body: '', socketClosed };
    const fault = script[attempts.length] ?? { kind: 'respond', status: 418, body: 'unexpected attempt' };
    attempts.push(attempt);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      attempt.body = Buffer.concat(chunks).toString('utf8');
      play(fault, response, socket, timers);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    // Idempotent: a test may close its server early (to get a refused connection).
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Resolves once the server has seen `count` requests (polling every 5 ms). */
export async function arrived(target: FaultServer, count = 1): Promise<void> {
  while (target.attempts.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** `serve(...script)` starts the current test's fault server; it is closed after each test. */
export function serverPerTest(extra?: (path: string, response: ServerResponse) => boolean): (...script: Fault[]) => Promise<FaultServer> {
  let current: FaultServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (...script) => (current = await startFaultServer(script, extra));
}

function play(fault: Fault, response: ServerResponse, socket: Socket, timers: Set<ReturnType<typeof setTimeout>>): void {
  switch (fault.kind) {
    case 'reset':
      socket.resetAndDestroy();
      return;
    case 'hang':
      return;
    case 'stall-body':
      response.writeHead(fault.status, fault.headers);
      response.write(fault.firstChunk);
      return;
    case 'respond': {
      const send = (): void => {
        if (socket.destroyed) return;
        const body = typeof fault.body === 'object' ? JSON.stringify(fault.body) : (fault.body ?? '');
        response.writeHead(fault.status, fault.headers);
        response.end(body);
      };
      if (!fault.headersAfterMs) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, fault.headersAfterMs);
      timers.add(timer);
    }
  }
}
