import { createServer, type Server, type Socket } from 'node:net';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from './storage.service.js';

/** A store that accepts connections and never answers: what a hung S3 endpoint looks like from here. */
describe('the S3 client against a store that never answers', () => {
  let server: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up after its idle timeout instead of waiting for ever', async () => {
    const port = (server.address() as { port: number }).port;
    const client = createS3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'hung',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      createBucket: false,
      idleTimeoutMs: 300,
      connectTimeoutMs: 300,
    });
    const started = Date.now();
    await expect(client.send(new HeadObjectCommand({ Bucket: 'hung', Key: 'film.mp4' }))).rejects.toThrow();
    // Three tries of 300 ms and the SDK's backoff between them: seconds, not the minutes of a hung socket.
    expect(Date.now() - started).toBeLessThan(10_000);
    client.destroy();
  }, 20_000);
});
