import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PasswordHasher } from '#identity';
import { ADMIN, TestApi, type GraphqlResponse } from './support/api.js';
import { PeopleFactory } from './support/people.js';

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const ACCEPT =
  'mutation Accept($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken } }';
const INVITE = 'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { token } }';
const PASSWORD = 'a-long-enough-password';

/**
 * Password guessing against the real API and Redis. This API trusts a proxy on loopback (TRUST_PROXY), so each
 * test speaks as clients of its own by naming their address in X-Forwarded-For (documentation addresses, never
 * contacted: they are only header values). Hashing is capped at one at a time with a short wait, to make the
 * cap easy to reach.
 */
describe('sign-in limits', () => {
  let api: TestApi;
  let people: PeopleFactory;
  let hasher: PasswordHasher;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, {
      TRUST_PROXY: 'loopback',
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_WAIT_MS: '100',
      LOGIN_FREE_FAILURES: '5',
      LOGIN_ADDRESS_FREE_FAILURES: '10',
    });
    api = await TestApi.start();
    people = new PeopleFactory(api);
    hasher = api.app.get(PasswordHasher);
  });

  afterAll(async () => {
    await api.close();
    process.env = saved;
  });

  /**
   * A client at its own address: every call carries X-Forwarded-For with it. Each new client gets an address no
   * other had (a random one met an address an earlier test had made wait, now and then).
   */
  let addresses = 0;
  const client = (address = `198.51.100.${++addresses}`) => ({
    address,
    async gql(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphqlResponse> {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': address,
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphqlResponse, 'status'>) };
    },
    login(email: string, password: string) {
      return this.gql(LOGIN, { email, password });
    },
  });

  const extensionsOf = (response: GraphqlResponse) => response.errors?.[0]?.extensions;

  it("never locks an email: a stranger's wrong passwords leave its owner free to sign in from elsewhere", async () => {
    const owner = await people.account('TRAINER');
    const stranger = client('203.0.113.66');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await stranger.login(owner.email, `wrong-password-${attempt}`);
      expect(extensionsOf(failed)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    }
    // The stranger's address waits, even with the right password...
    const strangerAgain = await stranger.login(owner.email, PASSWORD);
    expect(extensionsOf(strangerAgain)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    // ...while the owner, from another address, gets in at once, and from the API's own network too.
    const fromHome = await client('192.0.2.10').login(owner.email, PASSWORD);
    expect(fromHome.errors).toBeUndefined();
    await expect(api.login(owner.email, PASSWORD)).resolves.toEqual(expect.any(String));
  }, 60_000);

  it('makes one address wait longer after each further failure, with retryAfterSeconds', async () => {
    const guesser = client();
    const target = await people.account('TRAINER');
    const retryAfter = (response: GraphqlResponse) => extensionsOf(response)?.retryAfterSeconds;

    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(retryAfter(await guesser.login(target.email, `wrong-password-${attempt}`))).toBeUndefined();
    }
    const waits: number[] = [];
    for (let attempt = 5; attempt <= 7; attempt += 1) {
      const failed = await guesser.login(target.email, `wrong-password-${attempt}`);
      expect(extensionsOf(failed)).toMatchObject({ reason: 'INVALID_CREDENTIALS', retryAfterSeconds: expect.any(Number) });
      const refused = await guesser.login(target.email, `wrong-password-${attempt}b`);
      expect(extensionsOf(refused)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
      expect(retryAfter(refused)).toBeLessThanOrEqual(retryAfter(failed) as number);
      waits.push(retryAfter(failed) as number);
      await sleep((retryAfter(failed) as number) * 1000 + 150);
    }
    expect(waits).toEqual([1, 2, 4]);
    // The right password, once the wait is over, clears this address's count for this email.
    expect((await guesser.login(target.email, PASSWORD)).errors).toBeUndefined();
    expect(retryAfter(await guesser.login(target.email, 'wrong-password-8'))).toBeUndefined();
  }, 60_000);

  it('makes an address that fails across many emails wait for all of them, and nobody else', async () => {
    const sprayer = client();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const failed = await sprayer.login(`someone-${randomUUID().slice(0, 8)}@example.org`, 'Summer-2026!');
      expect(extensionsOf(failed)?.reason).toBe('INVALID_CREDENTIALS');
    }
    const refused = await sprayer.login(`someone-else-${randomUUID().slice(0, 8)}@example.org`, 'Summer-2026!');
    expect(extensionsOf(refused)).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 });
    // A bad invitation token counts as a failure of that address too, and is refused the same way.
    const token = await sprayer.gql(ACCEPT, { token: 'guessed-token', password: PASSWORD });
    expect(extensionsOf(token)).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });
    expect((await client().login(ADMIN.email, ADMIN.password)).errors).toBeUndefined();
  }, 60_000);

  it('checks an invitation token, and the password policy, before hashing anything', async () => {
    const hashesBefore = hasher.counts.hashes;
    const unknown = await client().gql(ACCEPT, { token: randomUUID(), password: PASSWORD });
    expect(extensionsOf(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });

    const { inviteUser } = await api.ok<{ inviteUser: { token: string } }>(
      INVITE,
      { input: { email: `hash-${randomUUID().slice(0, 8)}@example.org`, fullName: 'No Hash', role: 'TRAINER' } },
      await people.admin(),
    );
    const weak = await client().gql(ACCEPT, { token: inviteUser.token, password: 'password12' });
    expect(extensionsOf(weak)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD' });
    expect(hasher.counts.hashes).toBe(hashesBefore);

    const accepted = await client().gql(ACCEPT, { token: inviteUser.token, password: PASSWORD });
    expect(accepted.errors).toBeUndefined();
    expect(hasher.counts.hashes).toBe(hashesBefore + 1);
  });

  it('spends no hash on a login password longer than any that could have been set', async () => {
    const hashesBefore = hasher.counts.hashes;
    // Longer than any password could be set (200), shorter than the API's cap on strings, so it reaches sign-in.
    const tooLong = await client().login(ADMIN.email, 'x'.repeat(300));
    expect(extensionsOf(tooLong)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    expect(hasher.counts.hashes).toBe(hashesBefore);
  });

  it('refuses sign-ins beyond the hashing cap at once, and keeps answering other requests meanwhile', async () => {
    const token = await api.login(ADMIN.email, ADMIN.password);
    const refusedBefore = hasher.counts.refused;
    const storm = Array.from({ length: 24 }, (_, i) =>
      client(`203.0.113.${100 + i}`).login(`storm-${i}-${randomUUID().slice(0, 6)}@example.org`, 'wrong-password'),
    );
    const me = api.gql<{ me: { email: string } }>('{ me { email } }', {}, token);
    const answers = await Promise.all(storm);
    expect((await me).data?.me.email).toBe(ADMIN.email);

    const reasons = answers.map((answer) => extensionsOf(answer)?.reason);
    expect(reasons.filter((reason) => !['INVALID_CREDENTIALS', 'SIGN_IN_BUSY'].includes(reason as string))).toEqual([]);
    const busy = answers.filter((answer) => extensionsOf(answer)?.reason === 'SIGN_IN_BUSY');
    // One hash at a time and a 100 ms wait: most of 24 simultaneous logins cannot have had a slot.
    expect(busy.length).toBeGreaterThanOrEqual(12);
    for (const answer of busy) expect(extensionsOf(answer)).toMatchObject({ code: 'UNAUTHENTICATED', retryAfterSeconds: 1 });
    expect(hasher.counts.refused - refusedBefore).toBe(busy.length);
  });
});
