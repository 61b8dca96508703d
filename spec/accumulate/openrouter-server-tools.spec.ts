/**
 * responseSnapshot() over OpenRouter's own server tools: for each fixture in
 * spec/fixtures/openrouter, the snapshot rebuilt from the stream (before the terminal event, so the
 * server's copy has not replaced it yet) equals the terminal Response's output.
 */
import { from } from 'rxjs';
import { accumulateResponse } from '../../lib/accumulate';
import type { StreamEvent } from '../../lib/decode/stream-event';
import type { OutputItem, ResponseObject, ResponseStreamEvent } from '../../lib/events';
import { responseSnapshot } from '../../lib/operators/response-snapshot';
import { collect } from '../support/collect';
import { openrouterFixtureEvents } from '../support/fixture-events';

const last = <T>(list: readonly T[]): T => list[list.length - 1];

/** The snapshot `responseSnapshot()` holds after `events`, and the terminal Response. */
function rebuild(events: readonly ResponseStreamEvent[]) {
  const index = events.findIndex((e) => e.type === 'response.completed');
  const terminal = events[index];
  if (terminal?.type !== 'response.completed') throw new Error('no response.completed');
  const before = (keep: (e: ResponseStreamEvent) => boolean) =>
    last(collect(from(events.slice(0, index).filter(keep)).pipe(responseSnapshot())).values);
  return { terminal: terminal.response, before };
}

const notItemDone = (e: ResponseStreamEvent) => e.type !== 'response.output_item.done';

const serverTools: [tool: string, fixture: string][] = [
  ['openrouter:image_generation', 'openrouter-image-generation-tool.sse'],
  ['openrouter:fusion', 'openrouter-fusion-tool.sse'],
  ['openrouter:web_search', 'openrouter-web-search-tool.sse'],
  ['image_generation_call (an image model)', 'openrouter-image-model.sse'],
];

describe.each(serverTools)('responseSnapshot() with %s', (tool, name) => {
  const events = openrouterFixtureEvents(name);
  const { terminal, before } = rebuild(events);

  it('rebuilds, before the terminal event, exactly the output the server ends with', () => {
    const snapshot: ResponseObject = before(() => true);
    expect(snapshot.output).toEqual(terminal.output);
    expect(snapshot.outputText).toBe(
      terminal.output
        .flatMap((item) => (item.type === 'message' ? item.content : []))
        .map((part) => (part.type === 'output_text' ? part.text : ''))
        .join(''),
    );
  });

  it(`has the ${tool} item in the terminal output`, () => {
    const type = tool.split(' ')[0];
    expect(terminal.output.map((item) => item.type)).toContain(type);
  });

  it('ends with the server copy of the terminal Response', () => {
    const emitted = collect(from(events).pipe(responseSnapshot())).values;
    expect(last(emitted)).toEqual({ ...terminal, outputText: expect.any(String) as string });
  });
});

describe('responseSnapshot() with openrouter:fusion, from the panel events alone', () => {
  const events = openrouterFixtureEvents('openrouter-fusion-tool.sse');
  const { terminal, before } = rebuild(events);
  const fusionOf = (output: OutputItem[]) =>
    output.find((item) => item.type === 'openrouter:fusion');

  it('builds responses, failedModels, analysis and status without output_item.done', () => {
    const fusion = fusionOf(before(notItemDone).output);
    expect(fusion).toEqual(fusionOf(terminal.output));
    expect(fusion).toMatchObject({
      status: 'completed',
      responses: [
        { model: 'openai/gpt-5', content: 'Carbon taxes price emissions directly.' },
        { model: 'google/gemini-2.5-pro', content: 'Cap-and-trade caps the total.' },
      ],
      failedModels: [
        { model: 'deepseek/deepseek-v3.2', error: 'Upstream provider error', statusCode: 502 },
      ],
    });
  });

  it('builds each panel from its deltas (without panel.completed either)', () => {
    const panelDeltasOnly = (e: ResponseStreamEvent) =>
      notItemDone(e) && e.type !== 'response.fusion_call.panel.completed';
    expect(fusionOf(before(panelDeltasOnly).output)).toEqual(fusionOf(terminal.output));
  });

  it('shows a panel as it streams: added empty, then growing, then moved on failure', () => {
    let snapshot: ResponseObject | undefined;
    const seen: unknown[] = [];
    for (const event of events) {
      const next = accumulateResponse(snapshot, event as StreamEvent);
      if (event.type.startsWith('response.fusion_call.panel.') && next !== snapshot) {
        const fusion = fusionOf(next?.output ?? []);
        if (fusion?.type === 'openrouter:fusion')
          seen.push([fusion.responses?.map((r) => r.content), fusion.failedModels?.length ?? 0]);
      }
      snapshot = next;
    }
    expect(seen).toEqual([
      [[''], 0],
      [['', ''], 0],
      [['', '', ''], 0],
      [['Carbon taxes ', '', ''], 0],
      [['Carbon taxes ', 'Cap-and-trade ', ''], 0],
      [['Carbon taxes price emissions directly.', 'Cap-and-trade ', ''], 0],
      [['Carbon taxes price emissions directly.', 'Cap-and-trade caps the total.', ''], 0],
      [['Carbon taxes price emissions directly.', 'Cap-and-trade caps the total.'], 1],
    ]);
  });

  it('passes over a panel reasoning delta (the item has no field for it): same snapshot', () => {
    const index = events.findIndex((e) => e.type === 'response.fusion_call.panel.reasoning.delta');
    const snapshot = events
      .slice(0, index)
      .reduce<ResponseObject | undefined>(accumulateResponse, undefined);
    expect(accumulateResponse(snapshot, events[index])).toBe(snapshot);
  });

  it('keeps a completed panel unchanged (same object) when panel.completed repeats its deltas', () => {
    const index = events.findIndex((e) => e.type === 'response.fusion_call.panel.completed');
    const snapshot = events
      .slice(0, index)
      .reduce<ResponseObject | undefined>(accumulateResponse, undefined);
    expect(accumulateResponse(snapshot, events[index])).toBe(snapshot);
  });
});
