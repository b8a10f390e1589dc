/** What the first bytes of a file say it is, whatever its name or declared type. */
export type Sniffed = { video: true; container: string } | { video: false; looksLike: string };

const startsWith = (bytes: Buffer, signature: number[], offset = 0): boolean => signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (bytes: Buffer, text: string, offset = 0): boolean =>
  bytes.subarray(offset, offset + text.length).toString('latin1') === text;

/** Reads the first 64 bytes of a file: video containers by their magic numbers, and common impostors by theirs. */
export function sniffContainer(bytes: Buffer): Sniffed {
  if (ascii(bytes, 'ftyp', 4)) return { video: true, container: 'mp4/mov' };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { video: true, container: 'matroska/webm' };
  if (ascii(bytes, 'RIFF') && ascii(bytes, 'AVI ', 8)) return { video: true, container: 'avi' };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba])) return { video: true, container: 'mpeg-ps' };
  if (bytes[0] === 0x47 && (bytes.length < 189 || bytes[188] === 0x47)) return { video: true, container: 'mpeg-ts' };
  if (ascii(bytes, 'FLV')) return { video: true, container: 'flv' };
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return { video: true, container: 'asf/wmv' };
  // QuickTime files from old cameras may open with a 'moov', 'mdat', 'free' or 'wide' atom instead of 'ftyp'.
  if (['moov', 'mdat', 'free', 'wide', 'skip'].some((atom) => ascii(bytes, atom, 4))) return { video: true, container: 'mov' };

  const impostors: [string, (b: Buffer) => boolean][] = [
    ['a PDF document', (b) => ascii(b, '%PDF')],
    ['a PNG image', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47])],
    ['a JPEG image', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
    ['a ZIP archive or office document', (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04])],
    ['an MP3 audio file', (b) => ascii(b, 'ID3') || startsWith(b, [0xff, 0xfb])],
    ['a WAV audio file', (b) => ascii(b, 'RIFF') && ascii(b, 'WAVE', 8)],
    ['an HTML page', (b) => /^\s*<(!doctype|html)/i.test(b.toString('latin1'))],
  ];
  const match = impostors.find(([, test]) => test(bytes));
  return { video: false, looksLike: match ? match[0] : 'an unknown format' };
}
