/**
 * writeEventStream against real sockets: a client that never reads costs a bounded number of
 * bytes and is cut (the source unsubscribed, which aborts upstream); a client that reads gets every
 * frame and the end; a client that leaves stops the source.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { Observable, of, Subject } from 'rxjs';
import { PassThrough, Writable } from 'node:stream';
import { fromSSE } from '../../lib';
import { writeEventStream } from '../../lib/serve';
import { allValues } from '../support/outcome';

/** A ~1 KiB frame (an event type this library does not know: it passes through as `unknown`). */
const FRAME = `event: test.filler\ndata: {"type":"test.filler","text":"${'x'.repeat(1000)}"}\n\n`;

/** `count` frames, a batch per macrotask (as a network source delivers them); records teardown. */
function frames(count: number, perTick = 64) {
  const state = { emitted: 0, unsubscribed: false, completed: false };
  const frames$ = new Observable<string>((subscriber) => {
    let timer: NodeJS.Immediate | undefined;
    const tick = () => {
      for (
        let i = 0;
        i < perTick && state.emitted < count && !subscriber.closed;
        i++, state.emitted++
      )
        subscriber.next(FRAME);
      if (subscriber.closed) return; // unsubscribed: nothing more is scheduled
      if (state.emitted < count) timer = setImmediate(tick);
      else {
        state.completed = true;
        subscriber.complete();
      }
    };
    tick();
    return () => {
      if (!state.completed) state.unsubscribed = true;
      if (timer) clearImmediate(timer);
    };
  });
  return { frames$, state };
}

async function listen(
  handler: (res: ServerResponse) => void,
): Promise<{ server: Server; port: number }> {
  const server = createServer((_, res) => handler(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A client that sends a GET and then never reads a byte. */
function stalledClient(port: number): Socket {
  const socket = connect(port, '127.0.0.1');
  socket.write('GET /chat HTTP/1.1\r\nhost: x\r\naccept: text/event-stream\r\n\r\n');
  socket.pause();
  return socket;
}

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('writeEventStream (Node)', () => {
  let server: Server | undefined;
  afterEach(
    () =>
      new Promise<void>((resolve) =>
        server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve(),
      ),
  );

  it('cuts a client that never reads once maxBufferedBytes wait, and stops the source: 64 MiB cost at most max + one frame', async () => {
    const max = 256 * 1024;
    // 65,536 frames of ~1 KiB: 64 MiB, more than the kernel's socket buffers on both ends can hold
    // (Linux autotunes a loopback receive buffer up to tcp_rmem's maximum, often 32 MiB), so the
    // process itself must be what refuses to hold the rest.
    const count = 64 * 1024;
    const { frames$, state } = frames(count);
    let peak = 0;
    let overflowAt: number | undefined;
    let res!: ServerResponse;
    ({ server } = await listen((r) => {
      res = r;
      const write = r.write.bind(r);
      r.write = ((chunk: string) => {
        const ok = write(chunk);
        peak = Math.max(peak, r.writableLength);
        return ok;
      }) as typeof r.write;
      writeEventStream(frames$, r, {
        maxBufferedBytes: max,
        onOverflow: (bytes) => (overflowAt = bytes),
      });
    }));
    const client = stalledClient((server.address() as AddressInfo).port);
    await until(() => state.unsubscribed);
    expect(overflowAt).toBeGreaterThan(max);
    expect(peak).toBeLessThanOrEqual(max + FRAME.length + 1024);
    expect(res.destroyed).toBe(true);
    expect(state.emitted).toBeLessThan(count);
    client.destroy();
  });

  it('writes the event-stream headers, every frame and the end to a client that reads', async () => {
    const { frames$, state } = frames(500);
    ({ server } = await listen((res) => writeEventStream(frames$, res)));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    // Neither a cache nor a proxy (nginx buffers unless told) may hold the stream back.
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const events = await allValues(
      fromSSE(response, { requireTerminal: false, onUnknown: 'emit' }),
    );
    expect(events).toHaveLength(500);
    expect(state.completed).toBe(true);
  });

  it('stops the source, with no error, when the client goes away', async () => {
    const { frames$, state } = frames(1_000_000, 1);
    const errors: unknown[] = [];
    const trap = (e: unknown) => errors.push(e);
    process.on('uncaughtException', trap);
    ({ server } = await listen((res) => writeEventStream(frames$, res)));
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await until(() => state.unsubscribed);
    await new Promise((r) => setTimeout(r, 50));
    process.off('uncaughtException', trap);
    expect(errors).toEqual([]);
  });

  it('rejects a maxBufferedBytes that is not a positive number', () => {
    const { frames$ } = frames(1);
    const res = {} as ServerResponse;
    for (const bad of [0, -1, Number.NaN, Infinity])
      expect(() => writeEventStream(frames$, res, { maxBufferedBytes: bad })).toThrow(TypeError);
  });
});

describe('writeEventStream (web WritableStream)', () => {
  it('cuts a reader that never reads past maxBufferedBytes, and stops the source', async () => {
    const { frames$, state } = frames(12 * 1024);
    const { writable, readable } = new TransformStream<Uint8Array, Uint8Array>();
    let overflow: number | undefined;
    writeEventStream(frames$, writable, {
      maxBufferedBytes: 128 * 1024,
      onOverflow: (b) => (overflow = b),
    });
    await until(() => state.unsubscribed);
    expect(overflow).toBeLessThanOrEqual(128 * 1024 + FRAME.length);
    await expect(readable.getReader().read()).rejects.toThrow('slow client cut');
  });

  it('gives a reader every frame and the end; a cancelled reader stops the source', async () => {
    const all = frames(500);
    const pipe = new TransformStream<Uint8Array, Uint8Array>();
    writeEventStream(all.frames$, pipe.writable);
    const events = await allValues(
      fromSSE(pipe.readable, { requireTerminal: false, onUnknown: 'emit' }),
    );
    expect(events).toHaveLength(500);

    const endless = frames(1_000_000, 1);
    const gone = new TransformStream<Uint8Array, Uint8Array>();
    writeEventStream(endless.frames$, gone.writable);
    const reader = gone.readable.getReader();
    await reader.read();
    await reader.cancel();
    await until(() => endless.state.unsubscribed);
  });
});

/** A Node Writable that takes nothing: every byte written stays queued (`writableLength`). */
function stuckWritable(): Writable & { written: string[] } {
  const written: string[] = [];
  const target = new Writable({ write: (chunk: Buffer) => written.push(chunk.toString()) });
  return Object.assign(target, { written });
}

/** A source that emits nothing until told, and says when it was unsubscribed. */
function silent() {
  const frames$ = new Subject<string>();
  return { frames$, stopped: () => !frames$.observed };
}

describe('writeEventStream (any Node Writable)', () => {
  it('rejects a maxBufferedBytes that is not a positive number, naming it', () => {
    for (const bad of [0, -1, Number.NaN, Infinity])
      expect(() =>
        writeEventStream(silent().frames$, new PassThrough(), { maxBufferedBytes: bad }),
      ).toThrow(`maxBufferedBytes must be a positive number, not ${bad}`);
  });

  it('cuts past maxBufferedBytes, not at it: the frame that finds exactly max waiting is written', () => {
    const target = stuckWritable();
    const source = silent();
    let overflow: number | undefined;
    writeEventStream(source.frames$, target, {
      maxBufferedBytes: 20,
      onOverflow: (bytes) => (overflow = bytes),
    });
    for (let i = 0; i < 4 && !source.stopped(); i++) source.frames$.next('0123456789');
    // Three frames were written (30 bytes waiting); the fourth found more than 20 and cut.
    expect(target.written).toEqual(['0123456789']); // the rest never left the queue
    expect(overflow).toBe(30);
    expect(target.destroyed).toBe(true);
    expect(source.stopped()).toBe(true);
  });

  it('cuts a client that does not read without an onOverflow, and nothing is thrown', async () => {
    const target = stuckWritable();
    const source = silent();
    const errors: unknown[] = [];
    const trap = (e: unknown) => errors.push(e);
    process.on('uncaughtException', trap);
    writeEventStream(source.frames$, target, { maxBufferedBytes: 5 });
    source.frames$.next('0123456789');
    source.frames$.next('0123456789');
    await new Promise((r) => setTimeout(r, 20));
    process.off('uncaughtException', trap);
    expect(source.stopped()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('writes to a Writable that has no writeHead, and ends it when the frames complete', async () => {
    const target = new PassThrough();
    const text = new Promise<string>((resolve) => {
      let all = '';
      target.on('data', (chunk: Buffer) => (all += chunk.toString()));
      target.on('end', () => resolve(all));
    });
    writeEventStream(of(FRAME, FRAME), target);
    expect(await text).toBe(FRAME + FRAME);
  });

  it('stops a silent source when the target closes or fails, with no uncaught error, and leaves no listener behind', async () => {
    for (const how of ['close', 'fail'] as const) {
      const target = new PassThrough();
      const listeners = () => target.listenerCount('close') + target.listenerCount('error');
      const before = listeners();
      const source = silent();
      const errors: unknown[] = [];
      const trap = (e: unknown) => errors.push(e);
      process.on('uncaughtException', trap);
      writeEventStream(source.frames$, target);
      target.destroy(how === 'fail' ? new Error('EPIPE') : undefined);
      await new Promise((r) => setTimeout(r, 20));
      process.off('uncaughtException', trap);
      expect(source.stopped()).toBe(true);
      expect(errors).toEqual([]);
      expect(listeners()).toBe(before);
    }
  });

  it('stops the source at the first frame for a target already gone, before any close event', () => {
    const target = new PassThrough();
    const source = silent();
    writeEventStream(source.frames$, target);
    target.destroy(); // 'close' comes on a later tick
    source.frames$.next(FRAME);
    expect(source.stopped()).toBe(true);
  });

  it('ends the response when the caller unsubscribes, and cuts it when the source fails', async () => {
    for (const how of ['unsubscribe', 'error'] as const) {
      const target = new PassThrough();
      const source = silent();
      const ended = new Promise((resolve) => target.on('finish', () => resolve('ended')));
      const subscription = writeEventStream(source.frames$, target);
      if (how === 'unsubscribe') subscription.unsubscribe();
      else source.frames$.error(new Error('upstream broke'));
      if (how === 'unsubscribe') expect(await ended).toBe('ended');
      else expect(target.destroyed && !target.writableFinished).toBe(true);
      expect(source.stopped()).toBe(true);
    }
  });

  it('leaves alone a response whose headers are already out', async () => {
    let got: { status: number; type: string | null; text: string } | undefined;
    const { server, port } = await listen((res) => {
      res.writeHead(201, { 'content-type': 'text/event-stream', 'x-app': '1' });
      writeEventStream(of(FRAME), res);
    });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      got = {
        status: response.status,
        type: response.headers.get('x-app'),
        text: await response.text(),
      };
    } finally {
      server.close();
    }
    expect(got).toEqual({ status: 201, type: '1', text: FRAME });
  });
});

describe('writeEventStream (web WritableStream), more', () => {
  it('never cuts a reader that keeps reading, however much passes through: only what waits counts', async () => {
    const all = frames(200, 4); // 4 KiB a macrotask: 200 KiB in all
    const pipe = new TransformStream<Uint8Array, Uint8Array>();
    let overflow: number | undefined;
    writeEventStream(all.frames$, pipe.writable, {
      maxBufferedBytes: 8 * 1024,
      onOverflow: (b) => (overflow = b),
    });
    const events = await allValues(
      fromSSE(pipe.readable, { requireTerminal: false, onUnknown: 'emit' }),
    );
    expect(events).toHaveLength(200);
    expect(overflow).toBeUndefined();
  });

  it('cuts past maxBufferedBytes, not at it, and without an onOverflow throws nothing', async () => {
    const written: string[] = [];
    const decoder = new TextDecoder();
    // A sink that takes the first chunk and never finishes with it: every byte after waits.
    const stuck = () =>
      new WritableStream<Uint8Array>(
        { write: (chunk) => (written.push(decoder.decode(chunk)), new Promise(() => undefined)) },
        { highWaterMark: 1000 },
      );
    const source = silent();
    let overflow: number | undefined;
    writeEventStream(source.frames$, stuck(), {
      maxBufferedBytes: 20,
      onOverflow: (b) => (overflow = b),
    });
    for (let i = 0; i < 4 && !source.stopped(); i++) source.frames$.next('0123456789');
    expect(overflow).toBe(30);
    expect(source.stopped()).toBe(true);
    const quiet = silent();
    writeEventStream(quiet.frames$, stuck(), { maxBufferedBytes: 5 });
    quiet.frames$.next('0123456789');
    quiet.frames$.next('0123456789');
    expect(quiet.stopped()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
  });

  it('stops a silent source when the reader cancels, closes the stream when the caller unsubscribes, and aborts it when the source fails', async () => {
    const gone = new TransformStream<Uint8Array, Uint8Array>();
    const cancelled = silent();
    writeEventStream(cancelled.frames$, gone.writable);
    await gone.readable.cancel();
    await new Promise((r) => setTimeout(r, 10));
    expect(cancelled.stopped()).toBe(true);

    const closing = new TransformStream<Uint8Array, Uint8Array>();
    const source = silent();
    writeEventStream(source.frames$, closing.writable).unsubscribe();
    expect(source.stopped()).toBe(true);
    expect(await closing.readable.getReader().read()).toEqual({ done: true, value: undefined });

    const failing = new TransformStream<Uint8Array, Uint8Array>();
    const broken = silent();
    writeEventStream(broken.frames$, failing.writable);
    broken.frames$.error(new Error('upstream broke'));
    await expect(failing.readable.getReader().read()).rejects.toThrow('slow client cut');
  });
});
