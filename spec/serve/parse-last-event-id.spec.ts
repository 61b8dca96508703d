import { of } from 'rxjs';
import { isResponsesStreamError } from '../../lib';
import { parseLastEventId, toServerSentEvents, type EventIdSigning } from '../../lib/serve';
import { events as factories } from '../../lib/testing';
import { allValues } from '../support/outcome';

describe('parseLastEventId', () => {
  it('reads <responseId>:<sequenceNumber> back', () => {
    expect(parseLastEventId('resp_123:41')).toEqual({ responseId: 'resp_123', sequenceNumber: 41 });
    expect(parseLastEventId(['resp_1:0', 'resp_2:5'])).toEqual({
      responseId: 'resp_1',
      sequenceNumber: 0,
    });
  });

  it('splits at the last colon, so a response id may hold colons', () => {
    expect(parseLastEventId('gen:abc:7')).toEqual({ responseId: 'gen:abc', sequenceNumber: 7 });
  });

  it('gives undefined for a missing or foreign id', () => {
    for (const value of [
      undefined,
      null,
      '',
      '12',
      'resp_1',
      'resp_1:',
      ':4',
      'resp_1:-1',
      'resp_1:1.5',
      'resp_1:x',
      [],
    ])
      expect(parseLastEventId(value)).toBeUndefined();
  });
});

describe('parseLastEventId with sign (signed ids)', () => {
  const secret = 'a relay secret of at least thirty-two bytes';
  const alice = { secret, subject: 'alice' };
  const bob = { secret, subject: 'bob' };

  /** The id the relay writes for `responseId` at `sequenceNumber`, signed for `sign`. */
  async function idFor(
    responseId: string,
    sequenceNumber: number,
    sign: EventIdSigning,
  ): Promise<string> {
    const frames = await allValues(
      of(
        factories.created({ response: { id: responseId } }),
        factories.outputTextDelta({ sequenceNumber, delta: 'x' }),
      ).pipe(toServerSentEvents({ sign })),
    );
    return /\nid: (.*)\n/.exec(frames[1])![1];
  }

  const forbidden = (value: unknown, sign = alice) => {
    try {
      parseLastEventId(value as string, sign);
    } catch (error) {
      return isResponsesStreamError(error, 'resume_forbidden') ? error.reason : 'other error';
    }
    return 'accepted';
  };

  it('writes <responseId>:<sequenceNumber>:<tag> with a 128-bit base64url tag, and reads it back for the same subject', async () => {
    const id = await idFor('resp_victim', 3, alice);
    expect(id).toMatch(/^resp_victim:3:[A-Za-z0-9_-]{22}$/);
    expect(parseLastEventId(id, alice)).toEqual({ responseId: 'resp_victim', sequenceNumber: 3 });
    expect(parseLastEventId([id], alice)).toEqual({ responseId: 'resp_victim', sequenceNumber: 3 });
  });

  it('reads back sequence numbers of many digits, up to 15', async () => {
    for (const n of [41, 999_999_999_999_999]) {
      const id = await idFor('resp_long', n, alice);
      expect(parseLastEventId(id, alice)).toEqual({ responseId: 'resp_long', sequenceNumber: n });
    }
  });

  it('refuses a signed id with anything before or after it, even a line away (one spelling only)', async () => {
    const id = await idFor('resp_victim', 3, alice);
    for (const value of [`${id}x`, `${id}\nx`, `x\n${id}`])
      expect(forbidden(value)).toBe('malformed');
    // Unsigned, a line before the id is no id either.
    expect(parseLastEventId('x\nresp_1:5')).toBeUndefined();
  });

  it('refuses, with resume_forbidden, an id of another subject, a bare id, a forged, tampered or foreign-key tag', async () => {
    const id = await idFor('resp_victim', 3, alice);
    const tag = id.slice(id.lastIndexOf(':') + 1);
    expect(forbidden(id, bob)).toBe('signature');
    expect(forbidden('resp_victim:0')).toBe('malformed');
    expect(forbidden('resp_victim')).toBe('malformed');
    expect(forbidden(`resp_victim:3:${'A'.repeat(22)}`)).toBe('signature');
    // The tag covers the response: moved to another response it fails.
    expect(forbidden(`resp_other:3:${tag}`)).toBe('signature');
    // One character changed, or a non-canonical base64url spelling of the same bytes.
    const flipped = tag.slice(0, -1) + (tag.endsWith('A') ? 'B' : 'A');
    expect(forbidden(`resp_victim:3:${flipped}`)).toBe('signature');
    const other = await idFor('resp_victim', 3, { secret: 'x'.repeat(32), subject: 'alice' });
    expect(forbidden(other)).toBe('signature');
    // The sequence number is the client's own position: any is fine for its response.
    expect(parseLastEventId(`resp_victim:0:${tag}`, alice)).toEqual({
      responseId: 'resp_victim',
      sequenceNumber: 0,
    });
  });

  it('refuses ids that could change an upstream URL even when signed over them', () => {
    for (const value of [
      '..:3:' + 'A'.repeat(22),
      '.:3:' + 'A'.repeat(22),
      'a/b:3:' + 'A'.repeat(22),
    ])
      expect(forbidden(value)).toBe('malformed');
  });

  it('gives undefined only when there is no id at all (a fresh start)', () => {
    for (const value of [undefined, null, '', '  ', []])
      expect(parseLastEventId(value, alice)).toBeUndefined();
  });

  it('rotates keys: the first secret signs, every one verifies', async () => {
    const old = await idFor('resp_1', 5, { secret: [secret], subject: 'alice' });
    const rotated = { secret: ['n'.repeat(40), secret], subject: 'alice' };
    expect(parseLastEventId(old, rotated)).toEqual({ responseId: 'resp_1', sequenceNumber: 5 });
    const fresh = await idFor('resp_1', 5, rotated);
    expect(fresh).not.toBe(old);
    expect(forbidden(fresh, alice)).toBe('signature');
    expect(parseLastEventId(fresh, { secret: ['n'.repeat(40)], subject: 'alice' })).toBeDefined();
  });

  it('throws a TypeError for a short secret, no secret or no subject', () => {
    expect(() => parseLastEventId('x', { secret: 'short', subject: 'alice' })).toThrow(TypeError);
    expect(() => parseLastEventId('x', { secret: [], subject: 'alice' })).toThrow(TypeError);
    expect(() => parseLastEventId('x', { secret, subject: '' })).toThrow(TypeError);
    expect(() => toServerSentEvents({ sign: { secret: 'short', subject: 'a' } })).toThrow(
      TypeError,
    );
  });

  it.each([
    ['null', null, /^sign must be \{ secret, subject \}$/],
    ['a string', 'secret', /^sign must be \{ secret, subject \}$/],
    ['no secret', { secret: [], subject: 'alice' }, /^sign\.secret must hold at least one secret$/],
    // 16 bytes, whose text as numbers ("255,255,…") would be 63 characters long.
    [
      'a 16-byte Uint8Array secret',
      { secret: new Uint8Array(16).fill(255), subject: 'alice' },
      /^sign\.secret: each secret must be a string or Uint8Array of at least 32 bytes$/,
    ],
    [
      'a secret that is a number',
      { secret: 10 ** 40, subject: 'alice' },
      /^sign\.secret: each secret must be a string or Uint8Array of at least 32 bytes$/,
    ],
    [
      'a subject that is not a string',
      { secret: 's'.repeat(32), subject: 42 },
      /^sign\.subject must be a non-empty string \(the authenticated user\)$/,
    ],
  ])('refuses sign as %s with a TypeError that says what is wrong', (_, sign, message) => {
    expect(() => parseLastEventId('resp_1:1', sign as never)).toThrow(message);
    expect(() => toServerSentEvents({ sign: sign as never })).toThrow(message);
  });

  it('takes a 32-byte Uint8Array secret, and a string secret by its UTF-8 bytes', async () => {
    const bytes = { secret: new Uint8Array(32).fill(7), subject: 'alice' };
    const id = await idFor('resp_1', 3, bytes);
    expect(parseLastEventId(id, bytes)).toEqual({ responseId: 'resp_1', sequenceNumber: 3 });
    // 11 characters of 3 bytes each: 33 bytes.
    expect(() =>
      toServerSentEvents({ sign: { secret: '€'.repeat(11), subject: 'a' } }),
    ).not.toThrow();
  });
});
