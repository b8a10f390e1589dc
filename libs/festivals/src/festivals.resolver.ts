import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, IdArg, MANAGERS, Roles, type Actor } from '#core';
import { Film, FilmsLoaders } from '#films';
import { PeopleLoaders, User } from '#people';
import { CreateFestivalEditionInput, CreateFestivalEntryInput, CreateFestivalInput } from './dto/festivals.inputs.js';
import { Award, EntryStatus, EntryStatusChange, Festival, FestivalEdition, FestivalEntry } from './entities/index.js';
import { festivalsError } from './festivals.errors.js';
import { FestivalsLoaders } from './festivals.loaders.js';
import { FestivalsService } from './festivals.service.js';

@Resolver(() => Festival)
export class FestivalsResolver {
  constructor(
    private readonly service: FestivalsService,
    private readonly people: PeopleLoaders,
    private readonly loaders: FestivalsLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => [Festival])
  festivals() {
    return this.service.listFestivals();
  }

  @Roles(...ALL_ROLES)
  @Query(() => FestivalEntry, { nullable: true })
  festivalEntry(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('id') id: string) {
    return this.service.getEntry(this.people.for(req, actor).scope, id);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Festival)
  createFestival(@Args('input') input: CreateFestivalInput) {
    return this.service.createFestival(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FestivalEdition)
  createFestivalEdition(@Args('input') input: CreateFestivalEditionInput) {
    return this.service.createEdition(input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FestivalEntry)
  createFestivalEntry(@CurrentActor() actor: Actor, @Context('req') req: object, @Args('input') input: CreateFestivalEntryInput) {
    return this.service.createEntry(this.people.for(req, actor).scope, input);
  }

  @Roles(...MANAGERS)
  @Mutation(() => FestivalEntry, {
    description: 'DRAFT -> SUBMITTED -> SELECTED or NOT_SELECTED; DRAFT or SUBMITTED -> WITHDRAWN; SUBMITTED or SELECTED -> DISQUALIFIED',
  })
  changeEntryStatus(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('entryId') entryId: string,
    @Args('status', { type: () => EntryStatus }) status: EntryStatus,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ) {
    return this.service.changeStatus(this.people.for(req, actor).scope, entryId, status, note);
  }

  @Roles(...MANAGERS)
  @Mutation(() => Award, { description: 'Only on SELECTED entries' })
  recordAward(
    @IdArg('entryId') entryId: string,
    @Args('name') name: string,
    @Args('category', { type: () => String, nullable: true }) category: string | null,
  ) {
    return this.service.recordAward(entryId, name, category);
  }

  @ResolveField(() => [FestivalEdition], { description: 'Newest first' })
  editions(@Parent() festival: Festival, @Context('req') req: object): Promise<FestivalEdition[]> {
    return this.loaders.for(req).editionsOfFestival.load(festival.id);
  }
}

@Resolver(() => FestivalEdition)
export class FestivalEditionFieldsResolver {
  constructor(
    private readonly service: FestivalsService,
    private readonly people: PeopleLoaders,
    private readonly films: FilmsLoaders,
    private readonly loaders: FestivalsLoaders,
  ) {}

  @ResolveField(() => Festival)
  async festival(@Parent() edition: FestivalEdition, @Context('req') req: object): Promise<Festival> {
    const festival = await this.loaders.for(req).festival.load(edition.festivalId);
    if (!festival) throw festivalsError('FESTIVAL_NOT_FOUND', `No festival with id ${edition.festivalId}`);
    return festival;
  }

  @ResolveField(() => [FestivalEntry], { description: 'All entries for managers; those of your films otherwise' })
  async entries(@Parent() edition: FestivalEdition, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<FestivalEntry[]> {
    const entries = await this.loaders.for(req).entriesOfEdition.load(edition.id);
    return this.service.visible(this.people.for(req, actor).scope, entries, (id) => this.films.for(req).film.load(id));
  }
}

@Resolver(() => FestivalEntry)
export class FestivalEntryFieldsResolver {
  constructor(
    private readonly people: PeopleLoaders,
    private readonly films: FilmsLoaders,
    private readonly loaders: FestivalsLoaders,
  ) {}

  @ResolveField(() => Film)
  async film(@Parent() entry: FestivalEntry, @Context('req') req: object): Promise<Film> {
    const film = await this.films.for(req).film.load(entry.filmId);
    if (!film) throw festivalsError('FILM_NOT_FOUND', `No film with id ${entry.filmId}`);
    return film;
  }

  @ResolveField(() => FestivalEdition)
  async edition(@Parent() entry: FestivalEntry, @Context('req') req: object): Promise<FestivalEdition> {
    const edition = await this.loaders.for(req).edition.load(entry.editionId);
    if (!edition) throw festivalsError('EDITION_NOT_FOUND', `No edition with id ${entry.editionId}`);
    return edition;
  }

  @ResolveField(() => [Award])
  awards(@Parent() entry: FestivalEntry, @Context('req') req: object): Promise<Award[]> {
    return this.loaders.for(req).awardsOfEntry.load(entry.id);
  }

  @ResolveField(() => [EntryStatusChange], { description: 'Every move, oldest first' })
  history(@Parent() entry: FestivalEntry, @Context('req') req: object): Promise<EntryStatusChange[]> {
    return this.loaders.for(req).historyOfEntry.load(entry.id);
  }
}

@Resolver(() => EntryStatusChange)
export class EntryStatusChangeFieldsResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => User, { nullable: true })
  by(@Parent() change: EntryStatusChange, @CurrentActor() actor: Actor, @Context('req') req: object): Promise<User | null> | null {
    return change.byId ? this.people.for(req, actor).user.load(change.byId) : null;
  }
}

@Resolver(() => Award)
export class AwardFieldsResolver {
  constructor(private readonly loaders: FestivalsLoaders) {}

  @ResolveField(() => FestivalEntry)
  async entry(@Parent() award: Award, @Context('req') req: object): Promise<FestivalEntry> {
    const entry = await this.loaders.for(req).entry.load(award.entryId);
    if (!entry) throw festivalsError('ENTRY_NOT_FOUND', `No festival entry with id ${award.entryId}`);
    return entry;
  }
}

/** A film's whole festival life; the film itself is only ever shown to its people and managers. */
@Resolver(() => Film)
export class FilmFestivalsResolver {
  constructor(private readonly loaders: FestivalsLoaders) {}

  @ResolveField(() => [FestivalEntry])
  festivalEntries(@Parent() film: Film, @Context('req') req: object): Promise<FestivalEntry[]> {
    return this.loaders.for(req).entriesOfFilm.load(film.id);
  }
}
