import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { MAX_PASSWORD_LENGTH, Role, SETTINGS, type Actor, type Settings } from '#core';
import { Fellow, User } from '#people';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { AccessTokenClaims, ActorLoader } from '../auth/auth.guard.js';
import { AuthPayload, InviteUserInput, IssuedInvitation } from '../dto/account.inputs.js';
import { Invitation } from '../entities/invitation.entity.js';
import { identityError } from '../identity.errors.js';
import { PasswordHasher } from '../sign-in/password-hasher.js';
import { SignInLimits, type ClientRequest } from '../sign-in/sign-in-limits.js';
import { assertStrongEnough } from './passwords.js';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const actorOf = (user: Pick<User, 'id' | 'role' | 'fellowId'>): Actor => ({ id: user.id, role: user.role, fellowId: user.fellowId });

/** Who may invite whom: admins anyone, programme managers trainers and fellows. */
const INVITABLE: Record<Role, readonly Role[]> = {
  [Role.ADMIN]: [Role.ADMIN, Role.PROGRAMME_MANAGER, Role.TRAINER, Role.FELLOW],
  [Role.PROGRAMME_MANAGER]: [Role.TRAINER, Role.FELLOW],
  [Role.TRAINER]: [],
  [Role.FELLOW]: [],
};

/** Accounts: sign-in, invitations, and the caller of each request. */
@Injectable()
export class AccountsService implements ActorLoader {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly limits: SignInLimits,
    private readonly passwords: PasswordHasher,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async load(userId: string): Promise<Actor | null> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: userId }, select: { id: true, role: true, fellowId: true } });
    return user ? actorOf(user) : null;
  }

  async me(actor: Actor): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.id });
    if (!user) throw identityError('USER_NOT_FOUND', 'Your account no longer exists');
    return user;
  }

  /**
   * Signs in. A failure never says whether the email or the password was wrong. With the caller's request,
   * failures count against its address (SignInLimits); scripts that sign in from inside pass none.
   */
  async login(email: string, password: string, request?: ClientRequest): Promise<AuthPayload> {
    const normalized = email.trim().toLowerCase();
    const address = request && this.limits.addressOf(request);
    if (address) await this.limits.assertMayTry(address, normalized);
    const user = await this.dataSource.getRepository(User).findOneBy({ email: normalized });
    // No password longer than the policy allows was ever set: such a try is wrong without spending a hash on it.
    const matches = password.length <= MAX_PASSWORD_LENGTH && (await this.passwords.verify(user?.passwordHash, password));
    if (!matches || !user) {
      const wait = address ? await this.limits.recordFailure(address, normalized) : 0;
      throw identityError('INVALID_CREDENTIALS', 'Wrong email or password', wait > 0 ? { retryAfterSeconds: wait } : undefined);
    }
    if (address) await this.limits.recordSuccess(address, normalized);
    return this.signIn(user);
  }

  async invite(actor: Actor, input: InviteUserInput): Promise<IssuedInvitation> {
    if (!INVITABLE[actor.role].includes(input.role)) {
      throw identityError('INVITATION_ROLE_NOT_ALLOWED', `A ${actor.role} cannot invite a ${input.role}`);
    }
    if (input.role === Role.FELLOW && !input.fellowId) {
      throw identityError('INVITATION_NEEDS_FELLOW', 'A FELLOW invitation needs fellowId: create the fellow profile first');
    }
    if (input.role !== Role.FELLOW && input.fellowId) {
      throw identityError('INVITATION_FELLOW_ONLY', 'fellowId is only for FELLOW invitations');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, input.email);
      if (input.fellowId) await this.assertFellowLinkable(manager, input.fellowId);
      // A new invitation replaces any pending one for the same email: only the latest link works.
      await manager.update(Invitation, { email: input.email, usedAt: IsNull() }, { usedAt: new Date() });
      const token = randomBytes(32).toString('base64url');
      const invitation = await manager.save(
        manager.create(Invitation, {
          email: input.email,
          fullName: input.fullName,
          role: input.role,
          fellowId: input.fellowId ?? null,
          tokenHash: hashToken(token),
          expiresAt: new Date(Date.now() + this.settings.auth.invitationTtlHours * 3600_000),
          invitedById: actor.id,
          usedAt: null,
        }),
      );
      this.logger.log({ invitationId: invitation.id, role: invitation.role, invitedBy: actor.id }, 'Invitation issued');
      return { id: invitation.id, email: invitation.email, role: invitation.role, token, expiresAt: invitation.expiresAt };
    });
  }

  /**
   * Accepts an invitation once: sets the password, creates the account and signs in. The token is checked, and
   * the password against the policy, before the password is hashed: a wrong token costs the server no hash.
   */
  async accept(token: string, password: string, request?: ClientRequest): Promise<AuthPayload> {
    const address = request && this.limits.addressOf(request);
    if (address) await this.limits.assertMayTry(address);
    const tokenHash = hashToken(token);
    const pending = await this.dataSource
      .getRepository(Invitation)
      .createQueryBuilder('invitation')
      .where({ tokenHash, usedAt: IsNull() })
      .andWhere('invitation.expires_at > now()')
      .getOne();
    if (!pending) {
      const wait = address ? await this.limits.recordFailure(address) : 0;
      throw invitationInvalid(wait);
    }
    assertStrongEnough(password, pending.email);
    const passwordHash = await this.passwords.hash(password);
    const user = await this.dataSource.transaction(async (manager) => {
      // Claiming the invitation with a conditional UPDATE makes two concurrent accepts of one token
      // produce one account: the second finds nothing left to claim.
      const claimed: Invitation[] = await manager
        .createQueryBuilder()
        .update(Invitation)
        .set({ usedAt: () => 'now()' })
        .where({ tokenHash, usedAt: IsNull() })
        .andWhere('expires_at > now()')
        .returning('*')
        .execute()
        .then((result) => (result.raw as Record<string, unknown>[]).map((row) => manager.create(Invitation, toInvitation(row))));
      const invitation = claimed[0];
      if (!invitation) throw invitationInvalid(0);
      await this.assertEmailFree(manager, invitation.email);
      if (invitation.fellowId) await this.assertFellowLinkable(manager, invitation.fellowId);
      return manager.save(
        manager.create(User, {
          email: invitation.email,
          fullName: invitation.fullName,
          role: invitation.role,
          fellowId: invitation.fellowId,
          passwordHash,
        }),
      );
    });
    return this.signIn(user);
  }

  /**
   * Creates the ADMIN_EMAIL account at start when no account has that email, so a new deployment can be entered.
   * In production the settings have already held ADMIN_PASSWORD to the whole policy; development and the tests
   * keep their published administrator passwords (`filmschool-admin`), which contain the email's name part.
   */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    const users = this.dataSource.getRepository(User);
    if (await users.existsBy({ email })) return false;
    assertStrongEnough(password, this.settings.nodeEnv === 'production' ? email : undefined);
    await users
      .createQueryBuilder()
      .insert()
      .values({ email, fullName: 'Administrator', role: Role.ADMIN, passwordHash: await this.passwords.hash(password) })
      .orIgnore()
      .execute();
    this.logger.log({ email }, 'Created the administrator account from ADMIN_EMAIL');
    return true;
  }

  private async signIn(user: User): Promise<AuthPayload> {
    const claims: AccessTokenClaims = { sub: user.id, role: user.role };
    return { accessToken: await this.jwt.signAsync(claims), user };
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.existsBy(User, { email })) {
      throw identityError('EMAIL_TAKEN', `An account with the email ${email} already exists`);
    }
  }

  private async assertFellowLinkable(manager: EntityManager, fellowId: string): Promise<void> {
    const fellow = await manager.findOneBy(Fellow, { id: fellowId });
    if (!fellow) throw identityError('FELLOW_NOT_FOUND', `No fellow with id ${fellowId}`);
    if (await manager.existsBy(User, { fellowId })) {
      throw identityError('FELLOW_HAS_ACCOUNT', `The fellow ${fellow.id} already has an account`);
    }
  }
}

const invitationInvalid = (retryAfterSeconds: number) =>
  identityError(
    'INVITATION_INVALID',
    'This invitation is unknown, already used or expired: ask for a new one',
    retryAfterSeconds > 0 ? { retryAfterSeconds } : undefined,
  );

function toInvitation(row: Record<string, unknown>): Partial<Invitation> {
  return {
    id: row.id as string,
    email: row.email as string,
    fullName: row.full_name as string,
    role: row.role as Role,
    fellowId: (row.fellow_id as string | null) ?? null,
  };
}
