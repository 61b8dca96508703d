/**
 * The examples run, without an API key, against the testing kit's mock server, and exit 0
 * without touching the network. They run side by side: most of their time is spent waiting.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPng } from '../support/png';
import { runExample, STACK_LINE } from '../support/run-demo';

const expected: Record<string, RegExp> = {
  'text-streaming':
    /^Bytes drift down the wire —\neach event a falling leaf,\nthe river is read\.$/m,
  refusal: /^The model refused: I'm sorry, but I can't help/m,
  'partial-images': /^partial frame 3 .*\nfinal image .* \S+\/images\/ig_sunset\.png$/m,
  'run-tools':
    /^-- step 1: resp_tools\nstep 1: get_weather\({"city":"Paris","unit":"celsius"}\)\nstep 1: get_time\(.*\n-- step 2: resp_answer\n\nParis: 18 °C/m,
  'function-call': /^get_weather\({"city":"Paris","unit":"celsius"}\) -> .*\nget_time\(/m,
  'shared-stream': /^HTTP requests sent: 1$/m,
  'structured-output':
    /^Stockholm \(Sweden\) 984748 \| Oslo \(Norway\) 717710 \| Helsinki \(Finland\) …\n(.|\n)*^3 cities, 2,376,958 people$/m,
  resume:
    /\n-- connection dropped after event #\d+; resuming resp_river --\n(.|\n)*starting_after=\d+/,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'examples-spec-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('every example runs against the mock server and exits 0', async () => {
  const names = Object.keys(expected);
  const runs = await Promise.all(
    names.map((name) =>
      // partial-images writes into the directory given (else into out/).
      runExample(name, [join(dir, 'images')], { networkLog: join(dir, `${name}.log`) }),
    ),
  );

  runs.forEach((run, i) => {
    const name = names[i];
    expect({ name, code: run.code, stderr: run.stderr }).toEqual({ name, code: 0, stderr: '' });
    expect(run.stdout).toMatch(expected[name]);
    expect(run.stdout).not.toMatch(STACK_LINE);
    expect(run.network.filter((line) => !/ allowed .*127\.0\.0\.1/.test(line))).toEqual([]);
  });
  const images = readdirSync(join(dir, 'images')).sort();
  expect(images).toEqual([
    'ig_sunset-partial-0.png',
    'ig_sunset-partial-1.png',
    'ig_sunset-partial-2.png',
    'ig_sunset.png',
  ]);
  for (const image of images) {
    expect(readPng(readFileSync(join(dir, 'images', image)))).toMatchObject({
      width: 16,
      height: 16,
    });
  }
}, 30_000);
