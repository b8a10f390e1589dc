import { sniffContainer } from './container-sniffer.js';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffContainer', () => {
  it('recognises video containers by their first bytes', () => {
    expect(sniffContainer(bytes([0, 0, 0, 0x20], 'ftypisom'))).toEqual({ video: true, container: 'mp4/mov' });
    expect(sniffContainer(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x01]))).toEqual({ video: true, container: 'matroska/webm' });
    expect(sniffContainer(bytes('RIFF', [1, 2, 3, 4], 'AVI LIST'))).toEqual({ video: true, container: 'avi' });
  });

  it('names what an impostor looks like', () => {
    expect(sniffContainer(bytes('%PDF-1.7\n'))).toEqual({ video: false, looksLike: 'a PDF document' });
    expect(sniffContainer(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toEqual({ video: false, looksLike: 'a WAV audio file' });
    expect(sniffContainer(bytes('hello'))).toEqual({ video: false, looksLike: 'an unknown format' });
  });
});
