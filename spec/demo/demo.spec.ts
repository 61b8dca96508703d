/**
 * The demo end to end: `demo/main.ts` in a child process (through tsx, as `npm start` runs it),
 * against its embedded mock server, with a guard on the network.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockServer } from '../../lib/testing';
import { openrouterFixtures } from '../support/fixtures';
import { startServer } from '../support/http-server';
import { readPng } from '../support/png';
import { runDemo, STACK_LINE } from '../support/run-demo';

jest.setTimeout(20_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-spec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo without an API key', () => {
  it('streams the scripted response from the mock server only, writes the images, exits 0', async () => {
    const out = join(dir, 'images');
    const run = await runDemo(['--pace', '0', '--out', out], {
      networkLog: join(dir, 'network.log'),
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { stdout } = run;
    expect(stdout).toContain(
      'Streaming a scripted response from the mock server at http://127.0.0.1:',
    );
    expect(stdout).toMatch(/Reasoning summary\n\*\*Planning a Paris afternoon\*\*/);
    expect(stdout).toContain(
      "Answer\nHere's a plan for a gentle afternoon in Paris: coffee on the Île Saint-Louis",
    );
    expect(stdout).toContain('Function call get_weather (call_Wd2mYq4sP0)');
    expect(stdout).toContain("parsed: { city: 'Paris', unit: 'celsius' }");
    // runTools ran get_weather and streamed the answer that uses it (step 2).
    expect(stdout).toMatch(/Function call get_weather \(call_Wd2mYq4sP0\)\nresult: Paris: 18 °C/);
    expect(stdout).toContain("Answer (step 2)\nIt's 18 °C in Paris with light rain");
    expect(stdout).toContain(
      "Refusal\nI can't help with getting into someone else's home without their permission.",
    );
    expect(stdout).toMatch(/image ig_\w+: frame 1\/3 \(\d+ B\)/);
    expect(stdout).toMatch(/image ig_\w+: frame 3\/3 \(\d+ B\)/);
    expect(stdout).toMatch(/image ig_\w+: final \(\d+ B\)/);
    expect(stdout).toMatch(
      /Summary: 2 steps, \d+ events, [\d.]+ KiB in [\d.]+ s, first token after \d+ ms, status completed, usage 1160 in \+ 524 out \(192 reasoning\) = 1684 tokens/,
    );
    // Readable as a log: no colours, no rewritten lines.
    expect(stdout).not.toMatch(/\x1b|\r/); // eslint-disable-line no-control-regex

    const files = readdirSync(out).sort();
    expect(files).toEqual([
      expect.stringMatching(/^ig_\w+-partial-0\.png$/),
      expect.stringMatching(/^ig_\w+-partial-1\.png$/),
      expect.stringMatching(/^ig_\w+-partial-2\.png$/),
      expect.stringMatching(/^ig_\w+\.png$/),
    ]);
    const images = files.map((file) => readFileSync(join(out, file)));
    for (const bytes of images) {
      const png = readPng(bytes);
      expect(png).toMatchObject({ width: 64, height: 64, bitDepth: 8, colorType: 2 });
      expect(png.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
      expect(png.data.length).toBe(64 * (64 * 3 + 1));
    }
    // Each frame is a different picture.
    expect(new Set(images.map((bytes) => bytes.toString('base64'))).size).toBe(4);

    // Every request (one per step) went to the mock server on 127.0.0.1, and nothing elsewhere.
    const local = /^fetch allowed POST http:\/\/127\.0\.0\.1:\d+\/v1\/responses gpt-5-nano$/;
    expect(run.network.filter((line) => local.test(line))).toHaveLength(2);
    expect(run.network.filter((line) => !/ allowed .*127\.0\.0\.1/.test(line))).toEqual([]);
  });
});

describe('the demo with --structured', () => {
  it('shows a structured answer filling in, then validated by its schema', async () => {
    const run = await runDemo(['--structured', '--pace', '0', '--out', join(dir, 'images')], {
      networkLog: join(dir, 'network.log'),
    });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Itinerary (structured output)\nAn afternoon in Paris\n' +
        '  13:00  Île Saint-Louis: Coffee and a crêpe by the river\n' +
        "  14:30  Musée d'Orsay: The Impressionists, top floor\n" +
        '  17:00  Jardin des Tuileries: A walk under the chestnut trees\n' +
        '  19:30  Pont des Arts: Sunset over the Seine 🌅\n' +
        'validated: 4 stops, from 480 characters of JSON',
    );
    expect(run.stdout).toMatch(/Summary: 1 step, \d+ events, .*status completed/);
    expect(run.network.filter((line) => !/ allowed .*127\.0\.0\.1/.test(line))).toEqual([]);
  });
});

describe('the demo with an API key', () => {
  it('streams from OpenAI or OpenRouter (refused here), shows the error, exits 1', async () => {
    const key = 'sk-demo-test-0123456789abcdef';
    const services = [
      ['OPENAI_API_KEY', 'https://api.openai.com/v1/responses gpt-5-nano'],
      ['OPENROUTER_API_KEY', 'https://openrouter.ai/api/v1/responses openai/gpt-5-nano'],
    ];
    const runs = await Promise.all(
      services.map(([name]) =>
        runDemo(['--out', join(dir, 'images')], {
          env: { [name]: key },
          networkLog: join(dir, `${name}.log`),
        }),
      ),
    );

    runs.forEach((run, i) => {
      const [name, target] = services[i];
      expect({ name, code: run.code }).toEqual({ name, code: 1 });
      expect(run.network).toEqual([`fetch refused POST ${target}`]);
      expect(run.stderr).toMatch(/^Error: http_error: HTTP 401: network guard/m);
      expect(run.stdout + run.stderr).not.toContain(key);
      expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    });
  });
});

describe('Ctrl-C', () => {
  it('stops the stream, aborts the request and exits 130 without a stack trace', async () => {
    let interruptedAt = 0;
    const run = await runDemo(['--pace', '100', '--out', join(dir, 'images')], {
      networkLog: join(dir, 'network.log'),
      onStdout: (stdout, kill) => {
        if (interruptedAt === 0 && stdout.includes('Planning')) {
          interruptedAt = Date.now();
          kill('SIGINT');
        }
      },
    });

    expect(interruptedAt).toBeGreaterThan(0);
    // At this pace the whole script takes over 15 s: it was stopped, not played to the end.
    expect(run.stdout).not.toContain('Summary:');
    expect(run.code).toBe(130);
    expect(run.stdout).toContain('stopped');
    expect(run.stdout).toContain('mock server: the client closed the connection');
    expect(run.stdout).not.toContain('Summary:');
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).toBe('');
  });
});

describe('the demo with OPENROUTER_API_KEY and --image', () => {
  it('offers openrouter:image_generation and saves its images, the URL one downloaded, exits 0', async () => {
    // The OpenRouter fixture, served by the mock server at OpenRouter's path, its image URL
    // pointing at a second local server (OPENROUTER_BASE_URL sends the demo there).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const images = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    });
    const imageUrl = `${images.baseURL.replace(/\/v1$/, '')}/image.png`;
    const stream = openrouterFixtures
      .find((f) => f.name === 'openrouter-image-generation-tool.sse')
      ?.text.replaceAll('https://example.com/image.png', imageUrl);
    const server = await startMockServer({ script: { stream }, basePath: '/api/v1' });
    const key = 'sk-or-demo-test-0123456789abcdef';
    const out = join(dir, 'images');
    try {
      const run = await runDemo(['--image', '--out', out], {
        env: { OPENROUTER_API_KEY: key, OPENROUTER_BASE_URL: server.url },
        networkLog: join(dir, 'network.log'),
      });

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Streaming openai/gpt-5-nano on OpenRouter');
      expect(run.stdout).toContain(
        `image ig_tmp_abc123: final (${png.length} B, from ${imageUrl}) -> ${join(out, 'ig_tmp_abc123.png')}`,
      );
      expect(run.stdout).toContain(
        `image ig_tmp_def456: final (${png.length} B) -> ${join(out, 'ig_tmp_def456.png')}`,
      );
      expect(run.stdout).toContain(
        'Answer\nHere are two views of the city: at sunset and at night.',
      );
      expect(run.stdout + run.stderr).not.toContain(key);

      expect(readdirSync(out).sort()).toEqual(['ig_tmp_abc123.png', 'ig_tmp_def456.png']);
      for (const file of readdirSync(out)) {
        expect(readFileSync(join(out, file))).toEqual(png);
        expect(readPng(readFileSync(join(out, file)))).toMatchObject({ width: 1, height: 1 });
      }

      // The request offered OpenRouter's server tool, with the key, to OpenRouter's path.
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0].path).toBe('/api/v1/responses');
      expect(server.requests[0].headers.authorization).toBe(`Bearer ${key}`);
      expect(server.requests[0].json).toMatchObject({
        model: 'openai/gpt-5-nano',
        tools: expect.arrayContaining([
          {
            type: 'openrouter:image_generation',
            parameters: { output_format: 'png', quality: 'low' },
          },
        ]) as unknown,
      });
      // The image was fetched once, by the demo (the library never fetches); nothing left 127.0.0.1.
      expect(images.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /image.png']);
      expect(run.network.filter((line) => !/ allowed .*127\.0\.0\.1/.test(line))).toEqual([]);
    } finally {
      await server.close();
      await images.close();
    }
  });
});
