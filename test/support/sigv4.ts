import { createHash, createHmac } from 'node:crypto';

/**
 * Checks a presigned S3 URL as S3 does (AWS Signature Version 4, query-string form): whether a request with
 * this method and these header values carries a valid signature. The tests' S3 endpoint (s3rver) does not
 * check V4 signatures, so this is how a test sees what a real store would refuse.
 */
export function presignedRequestValid(url: string, method: string, headers: Record<string, string>, secretAccessKey: string): boolean {
  const parsed = new URL(url);
  const query = parsed.searchParams;
  const signedHeaders = (query.get('X-Amz-SignedHeaders') ?? '').split(';');
  const [, date, region, service] = (query.get('X-Amz-Credential') ?? '').split('/');
  const canonicalQuery = [...query]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const lowerHeaders = Object.fromEntries(Object.entries({ host: parsed.host, ...headers }).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(lowerHeaders[name] ?? '').trim()}\n`).join('');
  const canonicalRequest = [method, parsed.pathname, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), 'UNSIGNED-PAYLOAD'].join(
    '\n',
  );
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', query.get('X-Amz-Date'), scope, sha256(canonicalRequest)].join('\n');
  const key = [date, region, service, 'aws4_request'].reduce<Buffer | string>((k, part) => hmac(k, part), `AWS4${secretAccessKey}`);
  return hmac(key, stringToSign).toString('hex') === query.get('X-Amz-Signature');
}

const encode = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text).digest();
