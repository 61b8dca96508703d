import { parseLastEventId } from '../../lib/serve';

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
