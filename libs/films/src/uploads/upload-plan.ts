const MIB = 1024 * 1024;
/** S3 allows at most 10,000 parts per multipart upload. */
export const MAX_PARTS = 10_000;

/**
 * Part size and count for a file: the smallest part size (at least `minPartBytes`, 5 MiB by default, S3's
 * minimum) that keeps the file within 10,000 parts, rounded up to a whole MiB. Small parts mean a cut mobile
 * connection loses little.
 */
export function planParts(byteSize: number, minPartBytes: number): { partSize: number; partCount: number } {
  const needed = Math.ceil(byteSize / MAX_PARTS);
  const partSize = Math.max(minPartBytes, Math.ceil(needed / MIB) * MIB);
  return { partSize, partCount: Math.max(1, Math.ceil(byteSize / partSize)) };
}

/**
 * The exact length of part `partNumber` (1-based): `partSize`, except the last, which holds the rest. Each part
 * URL is signed for this length, so the store refuses a body of any other size.
 */
export function partLength(byteSize: number, partSize: number, partNumber: number): number {
  const partCount = Math.max(1, Math.ceil(byteSize / partSize));
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > partCount) {
    throw new RangeError(`Part ${partNumber} is outside 1..${partCount}`);
  }
  return partNumber < partCount ? partSize : byteSize - (partCount - 1) * partSize;
}

/** Video types accepted for upload; the worker still checks the bytes, whatever the declared type. */
export const VIDEO_TYPES: ReadonlySet<string> = new Set([
  'video/mp4',
  'video/quicktime',
  'video/x-matroska',
  'video/webm',
  'video/x-msvideo',
  'video/avi',
  'video/mpeg',
  'video/mp2t',
  'video/3gpp',
  'video/3gpp2',
  'video/x-m4v',
  'video/x-flv',
  'video/x-ms-wmv',
]);
