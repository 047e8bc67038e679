import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Text } from './base64';

describe('decodeBase64', () => {
  it('decodes padded and unpadded text to bytes', () => {
    expect(decodeBase64('YWRtaW4=')).toEqual([97, 100, 109, 105, 110]);
    expect(decodeBase64('MWYyZDFlMmU2N2Rm').length).toBe(12);
    expect(decodeBase64('')).toEqual([]);
    expect(decodeBase64Text('w6l0w6k=')).toBe('été');
  });
});
