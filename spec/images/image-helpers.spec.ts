import { from } from 'rxjs';
import { imageBlob, imageBytes, imageDataUrl, imageMimeType } from '../../lib/images/image-helpers';
import { partialImages } from '../../lib/operators/partial-images';
import { collect } from '../support/collect';
import { fixtureEvents } from '../support/fixture-events';

const bytes = (text: string) => Array.from(Buffer.from(text, 'latin1'));

describe('image helpers', () => {
  describe('imageBytes', () => {
    it('decodes base64 of every length, padded or not', () => {
      const cases: [string, string][] = [
        ['', ''],
        ['Zg==', 'f'],
        ['Zm8=', 'fo'],
        ['Zm9v', 'foo'],
        ['Zm9vYg', 'foob'],
        ['Zm9vYmE', 'fooba'],
        ['Zm9vYmFy', 'foobar'],
      ];
      for (const [b64, text] of cases) expect(Array.from(imageBytes({ b64 }))).toEqual(bytes(text));
    });

    it('agrees with Buffer on random bytes, in both alphabets and with line breaks', () => {
      let seed = 7;
      for (let length = 0; length < 300; length += 7) {
        const data = Uint8Array.from(
          { length },
          () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff,
        );
        const standard = Buffer.from(data).toString('base64');
        const urlSafe = Buffer.from(data).toString('base64url');
        const wrapped = standard.replace(/.{1,76}/g, '$&\r\n');
        for (const b64 of [standard, urlSafe, wrapped]) expect(imageBytes({ b64 })).toEqual(data);
      }
    });

    it('throws a TypeError on text that is not base64', () => {
      for (const b64 of ['a', 'ab$c', 'Zm9v...', '=Zm9v'])
        expect(() => imageBytes({ b64 })).toThrow(TypeError);
    });

    it('decodes a real PNG header', () => {
      const png = imageBytes({ b64: 'iVBORw0KGgo=' });
      expect(Array.from(png)).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });

    it('rejects the recorded image, whose base64 the recording truncated with "..."', () => {
      const [frame] = collect(
        from(fixtureEvents('openai-image-generation-tool.1.sse')).pipe(partialImages()),
      ).values;
      expect(frame.b64).toContain('...');
      expect(() => imageBytes(frame)).toThrow(TypeError);
      expect(imageDataUrl(frame).startsWith('data:image/webp;base64,UklGR')).toBe(true);
    });
  });

  it('imageMimeType maps png, jpeg and webp, and defaults to png', () => {
    expect(imageMimeType('png')).toBe('image/png');
    expect(imageMimeType('jpeg')).toBe('image/jpeg');
    expect(imageMimeType('JPG')).toBe('image/jpeg');
    expect(imageMimeType('webp')).toBe('image/webp');
    expect(imageMimeType(undefined)).toBe('image/png');
    expect(imageMimeType(null)).toBe('image/png');
    expect(imageMimeType('tiff')).toBe('image/png');
  });

  it('imageDataUrl builds a data URL with the MIME type of the format', () => {
    expect(imageDataUrl({ b64: 'Zm9v', outputFormat: 'jpeg' })).toBe('data:image/jpeg;base64,Zm9v');
    expect(imageDataUrl({ b64: 'Zm9v\nYmFy' })).toBe('data:image/png;base64,Zm9vYmFy');
  });

  it('imageBlob holds the bytes, typed by the format', async () => {
    const blob = imageBlob({ b64: 'Zm9vYmFy', outputFormat: 'webp' });
    expect(blob.type).toBe('image/webp');
    expect(blob.size).toBe(6);
    expect(Array.from(new Uint8Array(await blob.arrayBuffer()))).toEqual(bytes('foobar'));
  });
});
