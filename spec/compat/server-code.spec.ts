/**
 * Compatible servers, checked against their own code: spec/fixtures/compat/servers/ holds one
 * stream per server per scenario (text, a function call, reasoning + text, text then a call),
 * written as the bytes each server's streaming code sends; its manifest names the source files
 * (and commits) and what each stream must read to. Every fixture reads to the terminal response's
 * text and calls (each call once), its reasoning, and a live snapshot whose text never shrinks,
 * whole, per character, per byte and under random chunking; llama.cpp ends in its typed error.
 * The status table of docs/compatibility.md is generated from these readings (check:compat).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { chunkArbitrary } from '../../lib/testing';
import {
  chunkings,
  fixtureDir,
  fixtureText,
  loadManifest,
  problems,
  readStream,
  renderTable,
  tableEnd,
  tableStart,
} from '../../scripts/compat-results';

const root = resolve(__dirname, '..', '..');
const manifest = loadManifest(root);
const fixtures = Object.entries(manifest.fixtures);

describe('the server fixtures', () => {
  it('are each listed in the manifest, under a server that cites its source files', () => {
    const files = readdirSync(fixtureDir(root)).filter((file) => file.endsWith('.sse'));
    expect(files.map((file) => file.slice(0, -4)).sort()).toEqual(
      Object.keys(manifest.fixtures).sort(),
    );
    for (const name of Object.keys(manifest.fixtures)) {
      const server = manifest.servers[name.slice(0, name.indexOf('.'))];
      expect(server?.sources.length).toBeGreaterThan(0);
    }
  });

  it('cover every scenario for every server that has a Responses stream', () => {
    for (const server of Object.keys(manifest.servers)) {
      const scenarios = fixtures
        .filter(([name]) => name.startsWith(`${server}.`))
        .map(([name, f]) => f.scenario ?? name.slice(server.length + 1));
      const wanted = Object.keys(manifest.scenarios).filter(
        // llama.cpp cannot be read past response.created: one scenario past that proves nothing.
        (scenario) => server !== 'llamacpp' || scenario !== 'text-call',
      );
      expect([...new Set(scenarios)].sort()).toEqual(wanted.sort());
    }
  });
});

describe.each(fixtures)('%s', (name, { expected }) => {
  const text = fixtureText(root, name);
  const whole = readStream([text]);

  it.each(Object.keys(chunkings(text)))('reads to what the manifest expects, %s', (how) => {
    const reading = readStream(chunkings(text)[how]);
    expect(problems(reading, expected)).toEqual([]);
    expect(reading).toEqual(whole);
  });

  it('reads the same under random byte and string chunking, empty chunks included', () => {
    const bytes = new TextEncoder().encode(text);
    fc.assert(
      fc.property(chunkArbitrary(fc, bytes, { maxCuts: 60, empty: true }), (chunks) => {
        expect(readStream(chunks)).toEqual(whole);
      }),
      { numRuns: 10 },
    );
    fc.assert(
      fc.property(chunkArbitrary(fc, text, { maxCuts: 60, empty: true }), (chunks) => {
        expect(readStream(chunks)).toEqual(whole);
      }),
      { numRuns: 10 },
    );
  });
});

describe('docs/compatibility.md', () => {
  /** The cells of the Markdown table between the markers (or the rendered one), trimmed. */
  const cells = (markdown: string) =>
    markdown
      .split('\n')
      .filter((line) => line.startsWith('|') && !/^\|[\s|:-]+\|$/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );

  it('shows the status table these readings give', () => {
    const page = readFileSync(resolve(root, 'docs', 'compatibility.md'), 'utf8');
    const table = page.slice(page.indexOf(tableStart), page.indexOf(tableEnd));
    expect(cells(table)).toEqual(cells(renderTable(root)));
  });
});
