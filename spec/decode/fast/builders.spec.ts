/**
 * The fast decoder's builders are generated from the event tables (`npm run generate`): this spec
 * fails when `lib/decode/fast/builders.generated.ts` is not what the tables give today, and checks that
 * the hot event types found a builder.
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { fastPlan } from '../../../lib/decode/fast/fast-decode';

const root = path.resolve(__dirname, '../../..');

describe('generated builders', () => {
  it('are what the event tables give (run `npm run generate` after changing a table)', () => {
    const run = () =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/generate-builders.ts', '--check'],
        { cwd: root, stdio: 'pipe' },
      );
    expect(run).not.toThrow();
  });

  it('are generated from the tables, not from the module they feed', () => {
    // The generator reads the plans through plan.ts, which imports nothing that imports the builders.
    const importsOf = (file: string) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(importsOf('scripts/builders.ts').filter((i) => i.includes('/decode/'))).toEqual([
      '../lib/decode/fast/plan',
    ]);
    expect(importsOf('lib/decode/fast/plan.ts')).toEqual([
      '../../events/fields',
      '../../events/schema',
    ]);
  });

  it.each([
    'response.output_text.delta',
    'response.refusal.delta',
    'response.reasoning_text.delta',
    'response.reasoning_summary_text.delta',
    'response.function_call_arguments.delta',
    'response.image_generation_call.partial_image',
    'response.audio.delta',
  ])('%s has one', (type) => {
    expect(fastPlan(type)?.build).toEqual(expect.any(Function));
  });
});
