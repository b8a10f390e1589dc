import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type RequestContext } from '#access';
import { Film } from '#films';
import { DataSource } from 'typeorm';
import { CreateFestivalEditionInput, CreateFestivalEntryInput, CreateFestivalInput } from './dto/festivals.inputs.js';
import {
  Award,
  DECISIONS,
  ENTRY_MOVES,
  EntryStatus,
  EntryStatusChange,
  Festival,
  FestivalEdition,
  FestivalEntry,
} from './entities/index.js';
import { festivalsError } from './festivals.errors.js';

/** Festivals, their yearly editions, the films entered there and what became of them. */
@Injectable()
export class FestivalsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  listFestivals(): Promise<Festival[]> {
    return this.dataSource.getRepository(Festival).find({ order: { name: 'ASC' } });
  }

  createFestival(input: CreateFestivalInput): Promise<Festival> {
    const festivals = this.dataSource.getRepository(Festival);
    return festivals.save(festivals.create({ ...input, city: input.city ?? null, website: input.website ?? null }));
  }

  async createEdition(input: CreateFestivalEditionInput): Promise<FestivalEdition> {
    const festival = await this.dataSource.getRepository(Festival).findOneBy({ id: input.festivalId });
    if (!festival) throw festivalsError('FESTIVAL_NOT_FOUND', `No festival with id ${input.festivalId}`);
    if (input.startDate && input.endDate && input.endDate < input.startDate) {
      throw festivalsError('INVALID_DATES', `The edition ends (${input.endDate}) before it starts (${input.startDate})`);
    }
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(FestivalEdition)
      .values({
        festivalId: festival.id,
        year: input.year,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        submissionDeadline: input.submissionDeadline ?? null,
      })
      .orIgnore()
      .returning('id')
      .execute();
    if ((inserted.raw as unknown[]).length === 0)
      throw festivalsError('EDITION_EXISTS', `${festival.name} already has a ${input.year} edition`);
    return this.dataSource.getRepository(FestivalEdition).findOneByOrFail({ id: (inserted.raw as { id: string }[])[0].id });
  }

  async createEntry(ctx: RequestContext, input: CreateFestivalEntryInput): Promise<FestivalEntry> {
    const film = await this.dataSource.getRepository(Film).findOneBy({ id: input.filmId });
    if (!film) throw festivalsError('FILM_NOT_FOUND', `No film with id ${input.filmId}`);
    const edition = await this.dataSource.getRepository(FestivalEdition).findOneBy({ id: input.editionId });
    if (!edition) throw festivalsError('EDITION_NOT_FOUND', `No festival edition with id ${input.editionId}`);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(FestivalEntry)
        .values({ filmId: film.id, editionId: edition.id, category: input.category ?? null })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) {
        throw festivalsError('ENTRY_EXISTS', `${film.title} is already entered in this edition (${edition.year})`);
      }
      const entryId = (inserted.raw as { id: string }[])[0].id;
      await manager.insert(EntryStatusChange, { entryId, from: null, to: EntryStatus.DRAFT, byId: ctx.actor.id, note: null });
      return manager.findOneByOrFail(FestivalEntry, { id: entryId });
    });
  }

  /** The entry, or null when none has this id; FORBIDDEN unless a manager or one of the film's people. */
  async getEntry(ctx: RequestContext, id: string): Promise<FestivalEntry | null> {
    const entry = await this.dataSource.getRepository(FestivalEntry).findOneBy({ id });
    if (!entry) return null;
    if (!(await ctx.can('entry.read', id))) {
      throw festivalsError('NOT_VISIBLE', 'Festival entries are shown to managers and to the film’s people');
    }
    return entry;
  }

  /** Moves an entry along its lifecycle, refusing impossible moves; every move is kept in its history. */
  async changeStatus(ctx: RequestContext, entryId: string, status: EntryStatus, note: string | null): Promise<FestivalEntry> {
    return this.dataSource.transaction(async (manager) => {
      const entry = await manager.findOne(FestivalEntry, { where: { id: entryId }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw festivalsError('ENTRY_NOT_FOUND', `No festival entry with id ${entryId}`);
      const allowed = ENTRY_MOVES[entry.status];
      if (!allowed.includes(status)) {
        const options = allowed.length ? allowed.join(' or ') : 'nothing: it is final';
        throw festivalsError(
          'MOVE_NOT_ALLOWED',
          `An entry ${entry.status} cannot become ${status}; from ${entry.status} it can move to ${options}`,
          {
            allowedMoves: allowed,
          },
        );
      }
      const now = new Date();
      await manager.insert(EntryStatusChange, {
        entryId,
        from: entry.status,
        to: status,
        byId: ctx.actor.id,
        note: note?.trim() || null,
      });
      entry.status = status;
      if (status === EntryStatus.SUBMITTED) entry.submittedAt = now;
      if (DECISIONS.includes(status)) entry.decidedAt = now;
      return manager.save(entry);
    });
  }

  async recordAward(entryId: string, name: string, category: string | null): Promise<Award> {
    const entry = await this.dataSource.getRepository(FestivalEntry).findOneBy({ id: entryId });
    if (!entry) throw festivalsError('ENTRY_NOT_FOUND', `No festival entry with id ${entryId}`);
    if (entry.status !== EntryStatus.SELECTED) {
      throw festivalsError('AWARD_NEEDS_SELECTION', `Awards go to selected entries; this entry is ${entry.status}`);
    }
    const trimmed = name.trim();
    if (!trimmed) throw festivalsError('MOVE_NOT_ALLOWED', 'An award needs a name, e.g. "Premier prix"');
    const awards = this.dataSource.getRepository(Award);
    return awards.save(awards.create({ entryId, name: trimmed, category: category?.trim() || null }));
  }
}
