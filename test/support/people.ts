import { randomUUID } from 'node:crypto';
import { ADMIN, TestApi } from './api.js';

/** Builds people through the API as a manager would, with names unique to each call. */
export class PeopleFactory {
  private adminToken?: string;

  constructor(private readonly api: TestApi) {}

  async admin(): Promise<string> {
    this.adminToken ??= await this.api.login(ADMIN.email, ADMIN.password);
    return this.adminToken;
  }

  /** Invites and signs up an account; returns its id and access token. */
  async account(
    role: 'ADMIN' | 'PROGRAMME_MANAGER' | 'TRAINER' | 'FELLOW',
    fellowId?: string,
  ): Promise<{ id: string; token: string; email: string }> {
    const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@filmschool.test`;
    const { inviteUser } = await this.api.ok<{ inviteUser: { token: string } }>(
      'mutation Invite($input: InviteUserInput!) { inviteUser(input: $input) { token } }',
      { input: { email, fullName: `Test ${role}`, role, fellowId } },
      await this.admin(),
    );
    const { acceptInvitation } = await this.api.ok<{ acceptInvitation: { accessToken: string; user: { id: string } } }>(
      'mutation Accept($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { accessToken user { id } } }',
      { token: inviteUser.token, password: 'a-long-enough-password' },
    );
    return { id: acceptInvitation.user.id, token: acceptInvitation.accessToken, email };
  }

  async programme(name = `Programme ${randomUUID().slice(0, 6)}`): Promise<string> {
    const data = await this.api.ok<{ createProgramme: { id: string } }>(
      'mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
      { input: { name, countries: ['ML', 'NE'] } },
      await this.admin(),
    );
    return data.createProgramme.id;
  }

  async cohort(programmeId: string, input: Record<string, unknown> = {}): Promise<string> {
    const data = await this.api.ok<{ createCohort: { id: string } }>(
      'mutation ($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
      { input: { programmeId, name: `Cohort ${randomUUID().slice(0, 6)}`, startDate: '2021-01-11', endDate: '2021-06-30', ...input } },
      await this.admin(),
    );
    return data.createCohort.id;
  }

  async fellow(input: Record<string, unknown> = {}): Promise<string> {
    const data = await this.api.ok<{ createFellow: { id: string } }>(
      'mutation ($input: CreateFellowInput!) { createFellow(input: $input) { id } }',
      {
        input: {
          fullName: `Fellow ${randomUUID().slice(0, 6)}`,
          gender: 'FEMALE',
          country: 'ML',
          city: 'Ségou',
          region: 'Ségou',
          ...input,
        },
      },
      await this.admin(),
    );
    return data.createFellow.id;
  }

  async enroll(cohortId: string, fellowId: string): Promise<void> {
    await this.api.ok(
      'mutation ($c: ID!, $f: ID!) { enrollFellow(cohortId: $c, fellowId: $f) { id } }',
      { c: cohortId, f: fellowId },
      await this.admin(),
    );
  }

  async assignTrainer(cohortId: string, userId: string): Promise<void> {
    await this.api.ok(
      'mutation ($c: ID!, $u: ID!) { assignTrainer(cohortId: $c, userId: $u) { id } }',
      { c: cohortId, u: userId },
      await this.admin(),
    );
  }
}
