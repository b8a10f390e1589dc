import proxyAddr from 'proxy-addr';
import { passwordProblem } from './password-policy.js';

/**
 * Every setting of the platform, read once from the environment and validated as a whole, so that a bad
 * deployment fails at start with one line per bad or missing value instead of at the first request.
 */
export type NodeEnv = 'development' | 'test' | 'production';

export interface Settings {
  nodeEnv: NodeEnv;
  port: number;
  logLevel: string;
  /** `pretty` (the default in development) for a person at a terminal; `json` for log collectors. */
  logFormat: 'json' | 'pretty';
  /** `connectTimeoutMs`: how long a request waits for a free pooled connection before failing (retryable). */
  database: { url: string; migrateOnStart: boolean; poolSize: number; connectTimeoutMs: number };
  redis: { url: string; prefix: string };
  s3: {
    endpoint: string | undefined;
    region: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
    createBucket: boolean;
    /** A call to the store with no byte sent or received for this long fails instead of hanging. */
    idleTimeoutMs: number;
    connectTimeoutMs: number;
  };
  auth: {
    jwtSecret: string;
    jwtTtlSeconds: number;
    invitationTtlHours: number;
    signIn: SignInLimitSettings;
  };
  /**
   * Which proxies in front of the API may name the client in `X-Forwarded-For`: false (none, the default: the
   * socket's address is the client), a number of proxy hops, or proxy addresses and subnets (`loopback`,
   * `10.0.0.0/8`). Sign-in limits count per client address, so a proxy trusted by mistake lets a caller pick one.
   */
  trustProxy: TrustProxy;
  graphql: {
    maxDepth: number;
    maxComplexity: number;
    /** Aliased fields in one document: without a cap one request asks for the same field thousands of times. */
    maxAliases: number;
    /** Root fields in one operation: each may start its own SQL queries. */
    maxRootFields: number;
    /** Longest string accepted in any argument or input field (characters); CSV imports have their own. */
    maxStringLength: number;
    /** Longest CSV file accepted by an import (characters). */
    maxCsvLength: number;
  };
  /** Where people reach the platform; used in links written into documents (certificates, calendars). */
  publicUrl: string;
  training: { atRiskRate: number; atRiskMinSessions: number };
  films: {
    maxUploadBytes: number;
    /** Smallest part size offered; 5 MiB is S3's minimum. Raise it for well-connected users. */
    minPartBytes: number;
    uploadExpiryHours: number;
    ffmpegPath: string | undefined;
    ffprobePath: string | undefined;
  };
  worker: {
    healthPort: number;
    /** Jobs run at once per queue, in each worker process: encodes are heavy, documents and clean-ups light. */
    concurrency: { media: number; documents: number; housekeeping: number };
  };
  admin: { email: string; password: string } | undefined;
}

/** Limits on password guessing and on the CPU that password hashing takes. */
export interface SignInLimitSettings {
  /** Failed sign-ins for one email from one address before each further try waits (1 s, doubling). */
  freeFailures: number;
  /** Failed sign-ins (any email, or a wrong invitation token) from one address before that address waits. */
  addressFreeFailures: number;
  /** The longest wait, in seconds. */
  maxDelaySeconds: number;
  /** Password hashes computed at once by one API process; more wait, then are refused. */
  hashConcurrency: number;
  /** How long a sign-in waits for a hashing slot before it is refused as busy. */
  hashWaitMs: number;
}

export type TrustProxy = false | number | string[];

/** The JWT secret used outside production when none is set: published here, so production refuses it. */
export const DEVELOPMENT_JWT_SECRET = 'filmschool-development-secret-not-for-production';

/** Administrator passwords published in this repository (development, demo, tests): production refuses them. */
const PUBLISHED_ADMIN_PASSWORDS = ['filmschool-admin', 'filmschool-demo', 'admin-password-for-tests'];

/** Below this, a secret is guessable whatever its length (estimated from its own characters, see secretBits). */
const MIN_SECRET_BITS = 100;
const MIN_SECRET_DISTINCT_CHARACTERS = 8;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Parses and validates the environment; throws one SettingsError listing every problem found. */
export function parseSettings(env: Env): Settings {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';
  const jwtSecret = read.string('JWT_SECRET', production ? undefined : DEVELOPMENT_JWT_SECRET);
  if (production && jwtSecret.length > 0) problems.push(...productionSecretProblems(jwtSecret));
  const adminEmail = read.optional('ADMIN_EMAIL');
  const adminPassword = read.optional('ADMIN_PASSWORD');
  if (Boolean(adminEmail) !== Boolean(adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== undefined && production) {
    const problem = PUBLISHED_ADMIN_PASSWORDS.includes(adminPassword.toLowerCase())
      ? 'it is a default published in the source'
      : passwordProblem(adminPassword, adminEmail);
    if (problem) problems.push(`ADMIN_PASSWORD is refused in production: ${lowerFirst(problem)}`);
  } else if (adminPassword !== undefined && adminPassword.length < 10) {
    problems.push('ADMIN_PASSWORD must be at least 10 characters');
  }

  const settings: Settings = {
    nodeEnv,
    port: read.port('PORT', 3000),
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    // A person reads development logs; machines read the others (pino-pretty is a development dependency).
    logFormat: read.oneOf('LOG_FORMAT', ['json', 'pretty'] as const, nodeEnv === 'development' ? 'pretty' : 'json'),
    database: {
      url: read.url('DATABASE_URL', ['postgres:', 'postgresql:']),
      migrateOnStart: read.boolean('DATABASE_MIGRATE_ON_START', true),
      poolSize: read.integer('DATABASE_POOL_SIZE', 10, 1, 200),
      connectTimeoutMs: read.integer('DATABASE_CONNECT_TIMEOUT_MS', 15_000, 100, 120_000),
    },
    redis: {
      url: read.url('REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
      prefix: read.string('REDIS_PREFIX', 'filmschool'),
    },
    s3: {
      endpoint: read.optionalUrl('S3_ENDPOINT', ['http:', 'https:']),
      region: read.string('S3_REGION', 'us-east-1'),
      bucket: read.string('S3_BUCKET'),
      accessKeyId: read.string('S3_ACCESS_KEY_ID'),
      secretAccessKey: read.string('S3_SECRET_ACCESS_KEY'),
      forcePathStyle: read.boolean('S3_FORCE_PATH_STYLE', false),
      createBucket: read.boolean('S3_CREATE_BUCKET', !production),
      idleTimeoutMs: read.integer('S3_IDLE_TIMEOUT_MS', 30_000, 100, 600_000),
      connectTimeoutMs: read.integer('S3_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000),
    },
    auth: {
      jwtSecret,
      jwtTtlSeconds: read.integer('JWT_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
      invitationTtlHours: read.integer('INVITATION_TTL_HOURS', 7 * 24, 1, 90 * 24),
      signIn: {
        freeFailures: read.integer('LOGIN_FREE_FAILURES', 5, 1, 100),
        addressFreeFailures: read.integer('LOGIN_ADDRESS_FREE_FAILURES', 50, 1, 100_000),
        maxDelaySeconds: read.integer('LOGIN_MAX_DELAY_SECONDS', 15 * 60, 1, 24 * 3600),
        hashConcurrency: read.integer('PASSWORD_HASH_CONCURRENCY', 2, 1, 64),
        hashWaitMs: read.integer('PASSWORD_HASH_WAIT_MS', 500, 0, 10_000),
      },
    },
    trustProxy: read.trustProxy('TRUST_PROXY'),
    graphql: {
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', 10, 2, 50),
      maxComplexity: read.integer('GRAPHQL_MAX_COMPLEXITY', 5000, 10, 1_000_000),
      maxAliases: read.integer('GRAPHQL_MAX_ALIASES', 30, 0, 10_000),
      maxRootFields: read.integer('GRAPHQL_MAX_ROOT_FIELDS', 20, 1, 10_000),
      maxStringLength: read.integer('GRAPHQL_MAX_STRING_LENGTH', 10 * 1024, 256, 1024 ** 2),
      maxCsvLength: read.integer('GRAPHQL_MAX_CSV_LENGTH', 2 * 1024 ** 2, 1024, 64 * 1024 ** 2),
    },
    publicUrl: read.url('PUBLIC_URL', ['http:', 'https:'], 'http://localhost:3000').replace(/\/+$/, ''),
    training: {
      atRiskRate: read.integer('TRAINING_AT_RISK_PERCENT', 75, 0, 100) / 100,
      atRiskMinSessions: read.integer('TRAINING_AT_RISK_MIN_SESSIONS', 4, 1, 1000),
    },
    films: {
      maxUploadBytes: read.integer('FILM_UPLOAD_MAX_BYTES', 4 * 1024 ** 3, 1, 5 * 1024 ** 4),
      minPartBytes: read.integer('FILM_UPLOAD_PART_BYTES', 5 * 1024 ** 2, 5 * 1024 ** 2, 5 * 1024 ** 3),
      uploadExpiryHours: read.integer('FILM_UPLOAD_EXPIRY_HOURS', 48, 1, 24 * 30),
      ffmpegPath: read.optional('FFMPEG_PATH'),
      ffprobePath: read.optional('FFPROBE_PATH'),
    },
    worker: {
      healthPort: read.port('WORKER_HEALTH_PORT', 3001),
      concurrency: {
        media: read.integer('MEDIA_CONCURRENCY', 1, 1, 64),
        documents: read.integer('DOCUMENTS_CONCURRENCY', 4, 1, 64),
        housekeeping: read.integer('HOUSEKEEPING_CONCURRENCY', 2, 1, 64),
      },
    },
    admin: adminEmail && adminPassword ? { email: adminEmail.toLowerCase(), password: adminPassword } : undefined,
  };
  if (production && settings.logFormat === 'pretty') {
    problems.push('LOG_FORMAT=pretty is for development (pino-pretty is not installed in production): use json');
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return settings;
}

/** Why a production JWT secret is refused: the published default, too short, or too regular to be random. */
function productionSecretProblems(secret: string): string[] {
  if (secret === DEVELOPMENT_JWT_SECRET) {
    return ['JWT_SECRET is the development default published in the source: set a random one (`openssl rand -hex 32`)'];
  }
  if (Buffer.byteLength(secret) < 32) {
    return ['JWT_SECRET must be at least 32 characters in production (e.g. `openssl rand -hex 32`)'];
  }
  const guessable = whyGuessable(secret);
  return guessable ? [`JWT_SECRET looks guessable (${guessable}): set a random one (\`openssl rand -hex 32\`)`] : [];
}

/** Why a secret is not random enough to sign tokens with, or undefined when it looks random. */
function whyGuessable(secret: string): string | undefined {
  if (/^([\s\S]+?)\1+$/.test(secret)) return 'one pattern repeated';
  const distinct = new Set(secret).size;
  if (distinct < MIN_SECRET_DISTINCT_CHARACTERS) return `only ${distinct} different characters`;
  const bits = secretBits(secret);
  if (bits < MIN_SECRET_BITS) return `about ${Math.floor(bits)} bits of entropy, fewer than ${MIN_SECRET_BITS}`;
  return undefined;
}

/**
 * An upper estimate of a secret's entropy: its length times the Shannon entropy of its own characters. 32 × `a`
 * gives 0, `abab…` 32, while 64 random hex digits give about 250 and `openssl rand -hex 16` about 115.
 */
export function secretBits(secret: string): number {
  const characters = [...secret];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    perCharacter -= p * Math.log2(p);
  }
  return perCharacter * characters.length;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  string(name: string, fallback?: string): string {
    const value = this.optional(name) ?? fallback;
    if (value === undefined) {
      this.problems.push(`${name} is required`);
      return '';
    }
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  port(name: string, fallback: number): number {
    return this.integer(name, fallback, 0, 65535);
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  }

  oneOf<const T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  }

  /** false, a hop count, or addresses and subnets as Express's `trust proxy` takes them (never `true`: anyone). */
  trustProxy(name: string): TrustProxy {
    const raw = this.optional(name);
    if (raw === undefined || raw.toLowerCase() === 'false') return false;
    if (/^\d+$/.test(raw)) return this.integer(name, 0, 0, 10) || false;
    const addresses = raw
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean);
    try {
      if (raw.toLowerCase() === 'true') throw new TypeError('trusts everyone');
      proxyAddr.compile(addresses);
      return addresses;
    } catch {
      this.problems.push(
        `${name} must be false, a number of proxy hops, or proxy addresses and subnets such as "loopback, 10.0.0.0/8" (never true: anyone could name any address), got "${raw}"`,
      );
      return false;
    }
  }

  url(name: string, protocols: string[], fallback?: string): string {
    const value = this.string(name, fallback);
    if (value && !this.isUrl(value, protocols)) {
      this.problems.push(`${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL`);
    }
    return value;
  }

  optionalUrl(name: string, protocols: string[]): string | undefined {
    const value = this.optional(name);
    return value === undefined ? undefined : this.url(name, protocols);
  }

  private isUrl(value: string, protocols: string[]): boolean {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }
}
