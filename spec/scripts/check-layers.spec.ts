import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { checkLayers, readLayerGraph, type LayerGraph } from '../../scripts/layers';

const design = readFileSync(resolve(__dirname, '..', '..', 'docs', 'design.md'), 'utf8');

describe('readLayerGraph (docs/design.md)', () => {
  const graph = readLayerGraph(design);

  it('reads every row: lowest layers import nothing of ours, entries are peers', () => {
    expect(graph.get('events')).toEqual(new Set());
    expect(graph.get('errors')).toEqual(new Set(['events']));
    const entries = ['serve', 'tools', 'ws', 'angular', 'chat', 'testing'];
    // The only edges between entries: the chat's turns run the tool loop, and chatResource shows a
    // conversation as signals. The relay and the testing kit share the encoders of `encode/`.
    const between: Record<string, string[]> = { chat: ['tools'], angular: ['chat'] };
    for (const entry of entries) {
      const allowed = graph.get(entry)!;
      expect(allowed).toBeDefined();
      const peers = entries.filter((p) => p !== entry);
      expect(peers.filter((p) => allowed.has(p))).toEqual(between[entry] ?? []);
      expect(graph.get('index.ts')!.has(entry)).toBe(false);
    }
    for (const entry of ['serve', 'testing', 'ws'])
      expect(graph.get(entry)!.has('encode')).toBe(true);
    expect(graph.get('encode')).toEqual(new Set(['events', 'errors', 'decode']));
  });
});

describe('checkLayers, against planted violations', () => {
  const graph: LayerGraph = new Map([
    ['events', new Set<string>()],
    ['decode', new Set(['events'])],
    ['operators', new Set(['events', 'decode'])],
    ['tools', new Set(['events', 'decode', 'operators'])],
    ['angular', new Set(['events', 'decode', 'operators'])],
    ['index.ts', new Set(['events', 'decode', 'operators'])],
  ]);
  let root: string;
  const write = (files: Record<string, string>) => {
    root = mkdtempSync(join(tmpdir(), 'layers-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return checkLayers(root, graph).problems;
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const sound = {
    'events/index.ts': 'export type E = { type: string };\n',
    'decode/decode.ts': "import type { E } from '../events';\nexport const d = (e: E) => e;\n",
    'operators/internal/helper.ts':
      "import { d } from '../../decode/decode';\nexport const h = d;\n",
    'operators/of-type.ts': "import { h } from './internal/helper';\nexport const o = h;\n",
    'tools/loop.ts': "import { o } from '../operators/of-type';\nexport const t = o;\n",
    'index.ts': "export { o } from './operators/of-type';\n",
  };

  it('passes a tree that keeps every rule', () => {
    expect(write(sound)).toEqual([]);
  });

  it('rejects an import along no edge of the graph (a peer entry, a step up)', () => {
    expect(
      write({ ...sound, 'angular/resource.ts': "import { t } from '../tools/loop';\n" }),
    ).toEqual(['angular/resource.ts imports tools/loop.ts: angular may not import tools']);
    rmSync(root, { recursive: true, force: true });
    expect(
      write({ ...sound, 'decode/up.ts': "import type { o } from '../operators/of-type';\n" }),
    ).toEqual(['decode/up.ts imports operators/of-type.ts: decode may not import operators']);
  });

  it("rejects a folder's internal/ file imported from outside it", () => {
    expect(
      write({ ...sound, 'tools/reach.ts': "import { h } from '../operators/internal/helper';\n" }),
    ).toEqual(['tools/reach.ts imports operators/internal/helper.ts: internal to operators/']);
  });

  it('rejects a cycle, even of type imports inside one folder', () => {
    const problems = write({
      ...sound,
      'decode/a.ts': "import type { B } from './b';\nexport type A = B;\n",
      'decode/b.ts': "export type { A as B } from './a';\n",
    });
    expect(problems).toEqual(['cycle: decode/a.ts → decode/b.ts → decode/a.ts']);
  });

  it('rejects a folder the table does not name', () => {
    expect(write({ ...sound, 'chat/state.ts': "export {} from '../events';\n" })).toEqual([
      'chat/state.ts: chat is not in the layer table',
    ]);
  });

  it('ignores imports inside comments', () => {
    expect(
      write({
        ...sound,
        'decode/doc.ts': "/**\n import { o } from '../operators/of-type';\n */\n",
      }),
    ).toEqual([]);
  });
});
