/**
 * The mock Responses WebSocket server, driven by a bare `ws` client: what it records, how it
 * answers, and the hostile frames it can send.
 */
import { WebSocket } from 'ws';
import { scriptResponse } from '../../lib/testing/factories';
import {
  startMockSocketServer,
  type MockSocketServer,
} from '../../lib/testing/server/mock-socket-server';

let server: MockSocketServer;
afterEach(() => server.close());

/** A connected client and every frame it gets (text as strings, binary as byte counts). */
async function connect(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers });
  const frames: (string | number)[] = [];
  let closed: number | undefined;
  ws.on('message', (data: Buffer, isBinary: boolean) =>
    frames.push(isBinary ? data.byteLength : data.toString()),
  );
  ws.on('close', (code: number) => (closed = code));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, frames, closed: () => closed };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; !condition(); i++) {
    if (i > 500) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('startMockSocketServer', () => {
  it('records handshakes and messages, and answers each response.create in wire form with stream_id echoed', async () => {
    const events = scriptResponse({ id: 'r1' }).created().completed().events;
    server = await startMockSocketServer({ script: { events } });
    const client = await connect(server.socketURL, { authorization: 'Bearer k' });
    client.ws.send(JSON.stringify({ type: 'response.create', model: 'm', stream_id: 'a' }));
    client.ws.send('not json');
    await until(() => client.frames.length === 2);
    expect(server.connections[0]).toMatchObject({ index: 0, open: true });
    expect(server.connections[0].headers.authorization).toBe('Bearer k');
    expect(
      server.received.map((m) => [m.connection, m.text.slice(0, 10), m.json !== undefined]),
    ).toEqual([
      [0, '{"type":"r', true],
      [0, 'not json', false],
    ]);
    const first = JSON.parse(client.frames[0] as string) as Record<string, unknown>;
    expect(first).toMatchObject({ type: 'response.created', sequence_number: 0, stream_id: 'a' });
    expect(first.response).toMatchObject({ id: 'r1', created_at: expect.any(Number) });
    client.ws.close();
  });

  it('sends text, binary and socket-level error frames, drops after N frames and closes with a code', async () => {
    const events = scriptResponse({ id: 'r1' }).created().completed().events;
    server = await startMockSocketServer({
      script: [
        { events: ['<html>', new Uint8Array(7)] },
        {
          status: 429,
          error: {
            code: 'websocket_connection_limit_reached',
            message: 'Too many',
            headers: { 'retry-after': '2' },
          },
        },
        { events, closeAfter: { code: 4001, reason: 'bye' } },
      ],
    });
    const client = await connect(server.socketURL);
    const create = JSON.stringify({ type: 'response.create' });
    for (let i = 0; i < 3; i++) client.ws.send(create);
    await until(() => client.closed() !== undefined);
    expect(client.frames.slice(0, 3)).toEqual([
      '<html>',
      7,
      JSON.stringify({
        type: 'error',
        status: 429,
        error: {
          type: 'invalid_request_error',
          code: 'websocket_connection_limit_reached',
          message: 'Too many',
          param: null,
          headers: { 'retry-after': '2' },
        },
      }),
    ]);
    expect(client.frames).toHaveLength(5);
    expect(client.closed()).toBe(4001);
  });

  it('drops the connection (no close frame) after dropAfter frames, and on drop()', async () => {
    const events = scriptResponse({ id: 'r1' }).created().completed().events;
    server = await startMockSocketServer({ script: { events, dropAfter: 1 } });
    const client = await connect(server.socketURL);
    client.ws.send(JSON.stringify({ type: 'response.create' }));
    await until(() => client.closed() !== undefined);
    expect(client.frames).toHaveLength(1);
    expect(client.closed()).toBe(1006);
    const second = await connect(server.socketURL);
    server.drop();
    await until(() => second.closed() !== undefined);
    expect(second.closed()).toBe(1006);
    expect(server.connections.map((c) => c.open)).toEqual([false, false]);
  });

  it('says so in an error frame when the queue has run out', async () => {
    server = await startMockSocketServer({ script: [] });
    const client = await connect(server.socketURL);
    client.ws.send(JSON.stringify({ type: 'response.create' }));
    await until(() => client.frames.length === 1);
    expect(client.frames[0]).toContain('nothing scripted for message #0');
    client.ws.close();
  });
});
