import { passwordProblem } from './password-policy.js';
import { DEVELOPMENT_JWT_SECRET, parseSettings, secretBits, SettingsError } from './settings.js';

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

  describe('in production', () => {
    const production = {
      ...minimal,
      NODE_ENV: 'production',
      JWT_SECRET: '3f9c2a7e5b1d4c8f0a6e2b9d7c3f1a5e8b4d0c6f2a9e7b3d5c1f8a4e0b6d2c9f',
      ADMIN_EMAIL: 'director@example.org',
      ADMIN_PASSWORD: 'orange kettle under seven bridges',
    };
    const problemsOf = (env: Record<string, string>): string[] => {
      try {
        parseSettings(env);
        return [];
      } catch (error) {
        return (error as SettingsError).problems;
      }
    };

    it('accepts a random secret and an administrator password of the policy', () => {
      expect(problemsOf(production)).toEqual([]);
    });

    it('refuses the development JWT secret published in the source', () => {
      expect(problemsOf({ ...production, JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toEqual([
        'JWT_SECRET is the development default published in the source: set a random one (`openssl rand -hex 32`)',
      ]);
    });

    it('refuses a low-entropy JWT secret however long, one line each', () => {
      const guessable = (reason: string) => [`JWT_SECRET looks guessable (${reason}): set a random one (\`openssl rand -hex 32\`)`];
      expect(problemsOf({ ...production, JWT_SECRET: 'a'.repeat(32) })).toEqual(guessable('one pattern repeated'));
      expect(problemsOf({ ...production, JWT_SECRET: 'abcdefghijklmnop'.repeat(2) })).toEqual(guessable('one pattern repeated'));
      expect(problemsOf({ ...production, JWT_SECRET: 'aabbccddaabbccddaabbccddaabbccdX' })).toEqual(
        guessable('only 5 different characters'),
      );
      expect(problemsOf({ ...production, JWT_SECRET: 'abcdefgh'.repeat(3) + 'hgfedcba' })).toEqual(
        guessable('about 96 bits of entropy, fewer than 100'),
      );
      expect(secretBits('a'.repeat(64))).toBe(0);
      expect(secretBits('0123456789abcdef'.repeat(4))).toBe(256);
    });

    it('refuses the published administrator passwords and any outside the password policy, one line each', () => {
      for (const published of ['filmschool-admin', 'filmschool-demo', 'admin-password-for-tests']) {
        expect(problemsOf({ ...production, ADMIN_PASSWORD: published })).toEqual([
          'ADMIN_PASSWORD is refused in production: it is a default published in the source',
        ]);
      }
      expect(problemsOf({ ...production, ADMIN_PASSWORD: '1234567890' })).toEqual([
        expect.stringMatching(/^ADMIN_PASSWORD is refused in production: this password is on a list of common or breached passwords/),
      ]);
      expect(problemsOf({ ...production, ADMIN_PASSWORD: 'director-2026!' })).toEqual([
        expect.stringMatching(/^ADMIN_PASSWORD is refused in production: a password cannot be or contain your e-mail address/),
      ]);
      expect(problemsOf({ ...production, JWT_SECRET: 'z'.repeat(40), ADMIN_PASSWORD: 'short' })).toEqual([
        expect.stringMatching(/^JWT_SECRET looks guessable/),
        'ADMIN_PASSWORD is refused in production: a password has 10 to 200 characters',
      ]);
    });

    it('keeps the published defaults usable outside production', () => {
      expect(() => parseSettings({ ...minimal, ADMIN_EMAIL: 'admin@filmschool.local', ADMIN_PASSWORD: 'filmschool-admin' })).not.toThrow();
    });
  });

  it('reads TRUST_PROXY as none, a hop count or proxy subnets, and never as "trust everyone"', () => {
    expect(parseSettings(minimal).trustProxy).toBe(false);
    expect(parseSettings({ ...minimal, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(parseSettings({ ...minimal, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(() => parseSettings({ ...minimal, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be false, a number of proxy hops/);
    expect(() => parseSettings({ ...minimal, TRUST_PROXY: 'my-proxy' })).toThrow(/TRUST_PROXY must be false/);
  });
});

describe('passwordProblem', () => {
  it('refuses common and breached passwords, whatever their case', () => {
    for (const common of ['1234567890', 'password12', 'Password12', 'qwertyuiop', 'iloveyou12']) {
      expect(passwordProblem(common)).toMatch(/list of common or breached passwords/);
    }
  });

  it('refuses the e-mail address, its name part alone, or a password containing either', () => {
    const email = 'Awa.Traore@example.org';
    for (const password of ['awa.traore@example.org', 'awa.traore', 'AWA.TRAORE-1990', 'my awa.traore@example.org!']) {
      expect(passwordProblem(password, email)).toMatch(/cannot be or contain your e-mail address/);
    }
    // A short name part is refused only as the whole password.
    expect(passwordProblem('lion-of-the-sahel', 'li@example.org')).toBeUndefined();
  });

  it('keeps the length rule and accepts a passphrase', () => {
    expect(passwordProblem('short')).toBe('A password has 10 to 200 characters');
    expect(passwordProblem(' '.repeat(12))).toBe('A password cannot be only spaces');
    expect(passwordProblem('orange kettle under seven bridges', 'awa@example.org')).toBeUndefined();
  });
});
