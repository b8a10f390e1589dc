/**
 * What the first bytes of a file say it is, whatever its name or declared type. `demuxer` is the ffmpeg
 * demuxer that reads the container; ffprobe and ffmpeg are then told to use that one only (`-f`), so that
 * a crafted file cannot steer them to another of the hundreds ffmpeg knows (playlists, image sequences…).
 */
export type Sniffed = { video: true; container: string; demuxer: VideoDemuxer } | { video: false; looksLike: string };

/** The ffmpeg demuxers of the containers accepted for films. */
export type VideoDemuxer = 'mov' | 'matroska' | 'avi' | 'mpegts' | 'mpeg' | 'flv' | 'asf';

/** Bytes to read from the start of a file: enough for several MPEG-TS packets (188 bytes each, or 192 in M2TS). */
export const SNIFF_BYTES = 2048;

/** Packets in a row that must open with the MPEG-TS sync byte before a file counts as a transport stream. */
const TS_PACKETS = 5;

const startsWith = (bytes: Buffer, signature: number[], offset = 0): boolean => signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (bytes: Buffer, text: string, offset = 0): boolean =>
  bytes.subarray(offset, offset + text.length).toString('latin1') === text;
/** Four printable ASCII characters at `offset`, as an ISO base media box type or brand is. */
const fourCc = (bytes: Buffer, offset: number): boolean =>
  bytes.length >= offset + 4 && [...bytes.subarray(offset, offset + 4)].every((b) => b >= 0x20 && b <= 0x7e);

/** An ISO base media (MP4, MOV, 3GP) box of type `type` at the start: a plausible size, then the type. */
function isoBox(bytes: Buffer, types: string[]): boolean {
  if (bytes.length < 12) return false;
  const size = bytes.readUInt32BE(0);
  // 1 means a 64-bit size follows the type; 0 means "to the end of the file". Otherwise at least the 8-byte header.
  return (size === 0 || size === 1 || size >= 8) && types.some((type) => ascii(bytes, type, 4));
}

/**
 * MPEG transport stream: the sync byte 0x47 at the start of every packet, 188 bytes apart (192 with the 4-byte
 * time code of M2TS/AVCHD). One "G" at the start is not enough: many files start with that letter.
 */
function isTransportStream(bytes: Buffer): boolean {
  return [
    { size: 188, offset: 0 },
    { size: 192, offset: 4 },
  ].some(({ size, offset }) => {
    const packets = Math.floor((bytes.length - offset) / size);
    if (packets < TS_PACKETS) return false;
    return Array.from({ length: packets }, (_, i) => bytes[offset + i * size]).every((byte) => byte === 0x47);
  });
}

const ASF_HEADER = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];

/** Reads the first `SNIFF_BYTES` of a file: video containers by their signatures, and common impostors by theirs. */
export function sniffContainer(bytes: Buffer): Sniffed {
  if (isoBox(bytes, ['ftyp']) && fourCc(bytes, 8)) return { video: true, container: 'mp4/mov', demuxer: 'mov' };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { video: true, container: 'matroska/webm', demuxer: 'matroska' };
  if (ascii(bytes, 'RIFF') && (ascii(bytes, 'AVI ', 8) || ascii(bytes, 'AVIX', 8)))
    return { video: true, container: 'avi', demuxer: 'avi' };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba])) return { video: true, container: 'mpeg-ps', demuxer: 'mpeg' };
  if (isTransportStream(bytes)) return { video: true, container: 'mpeg-ts', demuxer: 'mpegts' };
  if (ascii(bytes, 'FLV') && bytes[3] === 0x01) return { video: true, container: 'flv', demuxer: 'flv' };
  if (startsWith(bytes, ASF_HEADER)) return { video: true, container: 'asf/wmv', demuxer: 'asf' };
  // QuickTime files from old cameras may open with a 'moov', 'mdat', 'free', 'wide' or 'skip' atom instead of 'ftyp'.
  if (isoBox(bytes, ['moov', 'mdat', 'free', 'wide', 'skip', 'pnot'])) return { video: true, container: 'mov', demuxer: 'mov' };

  const impostors: [string, (b: Buffer) => boolean][] = [
    ['a PDF document', (b) => ascii(b, '%PDF')],
    ['a PNG image', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47])],
    ['a JPEG image', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
    ['a GIF image', (b) => ascii(b, 'GIF87a') || ascii(b, 'GIF89a')],
    ['a ZIP archive or office document', (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04])],
    ['an MP3 audio file', (b) => ascii(b, 'ID3') || startsWith(b, [0xff, 0xfb])],
    ['a WAV audio file', (b) => ascii(b, 'RIFF') && ascii(b, 'WAVE', 8)],
    ['an HTML page', (b) => /^(\uFEFF)?\s*<(!doctype|html|head|body|script)/i.test(b.toString('latin1'))],
    ['a playlist', (b) => ascii(b, '#EXTM3U')],
  ];
  const match = impostors.find(([, test]) => test(bytes));
  return { video: false, looksLike: match ? match[0] : 'an unknown format' };
}

/**
 * ffprobe's `format_name` for each accepted demuxer, as it reports it. A file is accepted only when ffprobe,
 * held to the sniffed demuxer, names that format.
 */
export const ACCEPTED_FORMATS: Readonly<Record<VideoDemuxer, readonly string[]>> = {
  mov: ['mov', 'mp4', '3gp', '3g2'],
  matroska: ['matroska', 'webm'],
  avi: ['avi'],
  mpegts: ['mpegts'],
  mpeg: ['mpeg'],
  flv: ['flv'],
  asf: ['asf'],
};

/** Whether ffprobe's `format_name` (a comma-separated list such as "mov,mp4,m4a,3gp,3g2,mj2") fits the demuxer. */
export function formatAccepted(demuxer: VideoDemuxer, formatName: string | null): boolean {
  if (!formatName) return false;
  return formatName.split(',').some((name) => ACCEPTED_FORMATS[demuxer].includes(name.trim()));
}
