import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { Invitation } from '../entities/invitation.entity.js';

/**
 * What the worker does with invitations. Issuing and accepting them stay in AccountsService, because accepting
 * signs in, and signing needs the JWT the worker does not load.
 */
@Injectable()
export class InvitationsService {
  constructor(@InjectRepository(Invitation) private readonly invitations: Repository<Invitation>) {}

  /** Deletes invitations that expired more than `graceDays` ago and were never used. */
  async purgeExpired(graceDays: number): Promise<number> {
    const result = await this.invitations.delete({
      usedAt: IsNull(),
      expiresAt: LessThan(new Date(Date.now() - graceDays * 86_400_000)),
    });
    return result.affected ?? 0;
  }
}
