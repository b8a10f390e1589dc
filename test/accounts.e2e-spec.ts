import { ADMIN, TestApi } from './support/api.js';
import { PeopleFactory } from './support/people.js';
import { DataSource } from 'typeorm';

const INVITE = 'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { id email role token expiresAt } }';
const ACCEPT =
  'mutation Accept($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken user { id email role fellow { id fullName } } } }';
const LOGIN =
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { role } } }';

describe('accounts', () => {
  let api: TestApi;
  let people: PeopleFactory;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    people = new PeopleFactory(api);
    db = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api.close();
  });

  it('creates the ADMIN_EMAIL account at start, once', async () => {
    const data = await api.ok<{ login: { user: { role: string } } }>(LOGIN, ADMIN);
    expect(data.login.user.role).toBe('ADMIN');
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM user_account WHERE email = $1', [ADMIN.email]);
    expect(count).toBe(1);
  });

  it('lets a manager invite a trainer, who accepts once and signs in', async () => {
    const manager = await people.account('PROGRAMME_MANAGER');
    const invited = await api.ok<{ inviteUser: { token: string; expiresAt: string; role: string } }>(
      INVITE,
      { input: { email: 'Awa.Trainer@Example.org', fullName: 'Awa Trainer', role: 'TRAINER' } },
      manager.token,
    );
    expect(invited.inviteUser.role).toBe('TRAINER');
    const days = (Date.parse(invited.inviteUser.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // Only the token's hash is stored.
    const stored = await db.query('SELECT token_hash FROM invitation WHERE email = $1', ['awa.trainer@example.org']);
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(invited.inviteUser.token);

    const accepted = await api.ok<{ acceptInvitation: { accessToken: string; user: { email: string; role: string } } }>(ACCEPT, {
      token: invited.inviteUser.token,
      password: 'a-long-enough-password',
    });
    expect(accepted.acceptInvitation.user).toMatchObject({ email: 'awa.trainer@example.org', role: 'TRAINER' });
    const me = await api.ok<{ me: { email: string } }>('{ me { email } }', {}, accepted.acceptInvitation.accessToken);
    expect(me.me.email).toBe('awa.trainer@example.org');

    const again = await api.gql(ACCEPT, { token: invited.inviteUser.token, password: 'another-long-password' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });
    await expect(api.login('awa.trainer@example.org', 'a-long-enough-password')).resolves.toEqual(expect.any(String));
  });

  it('refuses an expired invitation and a weak password, creating no account', async () => {
    const admin = await people.admin();
    const invited = await api.ok<{ inviteUser: { id: string; token: string } }>(
      INVITE,
      { input: { email: 'late@example.org', fullName: 'Late Comer', role: 'TRAINER' } },
      admin,
    );
    const weak = await api.gql(ACCEPT, { token: invited.inviteUser.token, password: 'short' });
    expect(weak.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD' });

    await db.query("UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1", [invited.inviteUser.id]);
    const expired = await api.gql(ACCEPT, { token: invited.inviteUser.token, password: 'a-long-enough-password' });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITATION_INVALID' });
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM user_account WHERE email = $1', ['late@example.org']);
    expect(count).toBe(0);
  });

  it('keeps to who may invite whom', async () => {
    const manager = await people.account('PROGRAMME_MANAGER');
    const trainer = await people.account('TRAINER');
    const asManager = await api.gql(INVITE, { input: { email: 'boss@example.org', fullName: 'Boss', role: 'ADMIN' } }, manager.token);
    expect(asManager.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const asTrainer = await api.gql(INVITE, { input: { email: 'x@example.org', fullName: 'X', role: 'FELLOW' } }, trainer.token);
    expect(asTrainer.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const taken = await api.gql(INVITE, { input: { email: trainer.email, fullName: 'Again', role: 'TRAINER' } }, manager.token);
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    const badEmail = await api.gql(INVITE, { input: { email: 'not-an-email', fullName: 'X', role: 'TRAINER' } }, manager.token);
    expect(badEmail.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('links a FELLOW account to its profile, which the fellow then reads through me', async () => {
    const fellowId = await people.fellow({ fullName: 'Mariam Fellow' });
    const noProfile = await api.gql(INVITE, { input: { email: 'f@example.org', fullName: 'F', role: 'FELLOW' } }, await people.admin());
    expect(noProfile.errors?.[0].extensions.reason).toBe('INVITATION_NEEDS_FELLOW');

    const fellow = await people.account('FELLOW', fellowId);
    const me = await api.ok<{ me: { role: string; fellow: { id: string; fullName: string } } }>(
      '{ me { role fellow { id fullName } } }',
      {},
      fellow.token,
    );
    expect(me.me).toEqual({ role: 'FELLOW', fellow: { id: fellowId, fullName: 'Mariam Fellow' } });

    const second = await api.gql(
      INVITE,
      { input: { email: 'f2@example.org', fullName: 'F2', role: 'FELLOW', fellowId } },
      await people.admin(),
    );
    expect(second.errors?.[0].extensions.reason).toBe('FELLOW_HAS_ACCOUNT');
  });

  it('says nothing about which part of a login was wrong', async () => {
    const trainer = await people.account('TRAINER');
    const wrongPassword = await api.gql(LOGIN, { email: trainer.email, password: 'wrong-password-1' });
    const unknownEmail = await api.gql(LOGIN, { email: 'nobody@example.org', password: 'wrong-password-1' });
    expect(wrongPassword.errors?.[0].message).toBe(unknownEmail.errors?.[0].message);
    expect(wrongPassword.errors?.[0].extensions.reason).toBe(unknownEmail.errors?.[0].extensions.reason);
    expect(wrongPassword.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
    // Waits after repeated failures, and the owner's way in from elsewhere: test/sign-in.e2e-spec.ts.
  });

  it('refuses common, breached and e-mail passwords when an invitation is accepted, saying why', async () => {
    const admin = await people.admin();
    const invited = await api.ok<{ inviteUser: { token: string } }>(
      INVITE,
      { input: { email: 'Kadiatou.Keita@example.org', fullName: 'Kadiatou Keita', role: 'TRAINER' } },
      admin,
    );
    const refusals = [
      ['1234567890', /list of common or breached passwords/],
      ['password12', /list of common or breached passwords/],
      ['Password12', /list of common or breached passwords/],
      ['kadiatou.keita@example.org', /cannot be or contain your e-mail address/],
      ['kadiatou.keita', /cannot be or contain your e-mail address/],
      ['Kadiatou.Keita-1999', /cannot be or contain your e-mail address/],
    ] as const;
    for (const [password, why] of refusals) {
      const refused = await api.gql(ACCEPT, { token: invited.inviteUser.token, password });
      expect({ password, extensions: refused.errors?.[0].extensions }).toMatchObject({
        password,
        extensions: { code: 'BAD_USER_INPUT', reason: 'WEAK_PASSWORD' },
      });
      expect(refused.errors?.[0].message).toMatch(why);
    }
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM user_account WHERE email = $1', ['kadiatou.keita@example.org']);
    expect(count).toBe(0);
    // The invitation is still there to accept with a good password.
    const accepted = await api.ok<{ acceptInvitation: { user: { email: string } } }>(ACCEPT, {
      token: invited.inviteUser.token,
      password: 'mango trees along the niger',
    });
    expect(accepted.acceptInvitation.user.email).toBe('kadiatou.keita@example.org');
  });
});
