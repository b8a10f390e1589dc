import { formatAccepted, sniffContainer } from './container-sniffer.js';

const bytes = (...parts: (string | number[] | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** `count` MPEG-TS packets of `size` bytes, each opening with the sync byte after `prefix` bytes (M2TS has 4). */
const transportStream = (count: number, size = 188, prefix = 0): Buffer =>
  Buffer.concat(
    Array.from({ length: count }, () => {
      const packet = Buffer.alloc(size, 0xff);
      packet[prefix] = 0x47;
      return packet;
    }),
  );

describe('sniffContainer', () => {
  it('recognises video containers by their signatures, and names the demuxer that reads them', () => {
    expect(sniffContainer(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]))).toEqual({ video: true, container: 'mp4/mov', demuxer: 'mov' });
    expect(sniffContainer(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x01]))).toEqual({ video: true, container: 'matroska/webm', demuxer: 'matroska' });
    expect(sniffContainer(bytes('RIFF', [1, 2, 3, 4], 'AVI LIST'))).toEqual({ video: true, container: 'avi', demuxer: 'avi' });
    expect(sniffContainer(bytes([0, 0, 1, 0xba, 0x44]))).toEqual({ video: true, container: 'mpeg-ps', demuxer: 'mpeg' });
    expect(sniffContainer(bytes('FLV', [1, 5, 0, 0, 0, 9]))).toEqual({ video: true, container: 'flv', demuxer: 'flv' });
    expect(sniffContainer(bytes([0, 0, 0, 0x08], 'wide', [0, 0, 0, 0]))).toEqual({ video: true, container: 'mov', demuxer: 'mov' });
  });

  it('takes a transport stream only when every packet opens with the sync byte, 188 (or 192) bytes apart', () => {
    expect(sniffContainer(transportStream(10))).toEqual({ video: true, container: 'mpeg-ts', demuxer: 'mpegts' });
    expect(sniffContainer(transportStream(10, 192, 4))).toEqual({ video: true, container: 'mpeg-ts', demuxer: 'mpegts' });
    const broken = transportStream(10);
    broken[188 * 6] = 0x00;
    expect(sniffContainer(broken).video).toBe(false);
    // Too short to tell: a few packets only.
    expect(sniffContainer(transportStream(2)).video).toBe(false);
  });

  it('does not take a file for a video because it starts with "G" or has "ftyp" in the right place by chance', () => {
    expect(sniffContainer(Buffer.from('Great film, watch it! '.repeat(100)))).toEqual({ video: false, looksLike: 'an unknown format' });
    expect(sniffContainer(bytes('GIF89a', [0x40, 0, 0x40, 0], Buffer.alloc(1000)))).toEqual({ video: false, looksLike: 'a GIF image' });
    expect(sniffContainer(bytes('G', Buffer.alloc(2047, 0x47))).video).toBe(true); // all sync bytes: a (degenerate) stream
    expect(sniffContainer(bytes([0, 0, 0, 2], 'ftyp', [0, 1, 2, 3])).video).toBe(false);
  });

  it('names what an impostor looks like', () => {
    expect(sniffContainer(bytes('%PDF-1.7\n'))).toEqual({ video: false, looksLike: 'a PDF document' });
    expect(sniffContainer(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toEqual({ video: false, looksLike: 'a WAV audio file' });
    expect(sniffContainer(bytes('PK', [3, 4, 20, 0]))).toEqual({ video: false, looksLike: 'a ZIP archive or office document' });
    expect(sniffContainer(bytes('\n  <!DOCTYPE html><html>'))).toEqual({ video: false, looksLike: 'an HTML page' });
    expect(sniffContainer(bytes('#EXTM3U\n#EXT-X-VERSION:3\n'))).toEqual({ video: false, looksLike: 'a playlist' });
    expect(sniffContainer(bytes('hello'))).toEqual({ video: false, looksLike: 'an unknown format' });
  });
});

describe('formatAccepted', () => {
  it("accepts ffprobe's format name only for the demuxer the signature named", () => {
    expect(formatAccepted('mov', 'mov,mp4,m4a,3gp,3g2,mj2')).toBe(true);
    expect(formatAccepted('matroska', 'matroska,webm')).toBe(true);
    expect(formatAccepted('mpegts', 'mpegts')).toBe(true);
    expect(formatAccepted('mpegts', 'gif')).toBe(false);
    expect(formatAccepted('mov', 'image2')).toBe(false);
    expect(formatAccepted('avi', 'hls')).toBe(false);
    expect(formatAccepted('mov', null)).toBe(false);
  });
});
