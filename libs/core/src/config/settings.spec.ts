import { parseSettings, SettingsError } from './settings.js';

const minimal = {
  DATABASE_URL: 'postgres://localhost/filmschool',
  S3_BUCKET: 'films',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
};

describe('parseSettings', () => {
  it('applies defaults for a development environment', () => {
    const settings = parseSettings(minimal);
    expect(settings.nodeEnv).toBe('development');
    expect(settings.redis.url).toBe('redis://127.0.0.1:6379');
    expect(settings.s3.createBucket).toBe(true);
    expect(settings.auth.invitationTtlHours).toBe(168);
    expect(settings.worker.concurrency).toEqual({ media: 1, documents: 4, housekeeping: 2 });
  });

  it("reads each queue's concurrency and refuses one out of range", () => {
    const settings = parseSettings({ ...minimal, MEDIA_CONCURRENCY: '2', DOCUMENTS_CONCURRENCY: '8', HOUSEKEEPING_CONCURRENCY: '1' });
    expect(settings.worker.concurrency).toEqual({ media: 2, documents: 8, housekeeping: 1 });
    expect(() => parseSettings({ ...minimal, MEDIA_CONCURRENCY: '0', DOCUMENTS_CONCURRENCY: 'many' })).toThrow(
      /MEDIA_CONCURRENCY must be an integer from 1 to 64, got "0"\n.*DOCUMENTS_CONCURRENCY must be an integer from 1 to 64, got "many"/,
    );
  });

  it('lists every bad or missing value at once', () => {
    let error: unknown;
    try {
      parseSettings({ NODE_ENV: 'production', PORT: 'eighty', S3_FORCE_PATH_STYLE: 'maybe', REDIS_URL: 'http://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).problems).toEqual([
      'JWT_SECRET is required',
      'PORT must be an integer from 0 to 65535, got "eighty"',
      'DATABASE_URL is required',
      'REDIS_URL must be a redis:// or rediss:// URL',
      'S3_BUCKET is required',
      'S3_ACCESS_KEY_ID is required',
      'S3_SECRET_ACCESS_KEY is required',
      'S3_FORCE_PATH_STYLE must be true or false, got "maybe"',
    ]);
  });

  it('refuses a short JWT secret in production and a half-set admin account', () => {
    expect(() => parseSettings({ ...minimal, NODE_ENV: 'production', JWT_SECRET: 'short', ADMIN_EMAIL: 'a@b.c' })).toThrow(
      /JWT_SECRET must be at least 32 characters[\s\S]*ADMIN_EMAIL and ADMIN_PASSWORD must be set together/,
    );
  });
});
