import { Args, Context, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, CurrentActor, IdArg, Roles, type Actor } from '#core';
import { PeopleLoaders } from '#people';
import { StorageService } from '#storage';
import { StartFilmUploadInput } from '../dto/films.inputs.js';
import { AssetStatus, Film, FilmUpload, MediaAsset, UploadedPart } from '../entities/index.js';
import { FilmsLoaders } from '../films.loaders.js';
import { filmsError } from '../films.errors.js';
import { FilmUploadsService } from './film-uploads.service.js';

@ObjectType()
export class PartUrl {
  @Field(() => Int)
  partNumber: number;

  @Field({ description: "PUT the part's bytes here, directly to the object store" })
  url: string;

  @Field()
  expiresAt: Date;
}

/** Signed links to an asset's files live 15 minutes: enough to start playing, too short to share around. */
const VIEW_SECONDS = 900;

@Resolver(() => FilmUpload)
export class FilmUploadsResolver {
  constructor(
    private readonly service: FilmUploadsService,
    private readonly people: PeopleLoaders,
    private readonly films: FilmsLoaders,
  ) {}

  @Roles(...ALL_ROLES)
  @Query(() => FilmUpload, { nullable: true, description: 'An upload and the parts the server knows arrived: resume from here' })
  filmUpload(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('id') id: string) {
    return this.service.find(this.people.for(req, actor).scope, id);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => FilmUpload)
  startFilmUpload(@CurrentActor() actor: Actor, @Context('req') req: object, @Args('input') input: StartFilmUploadInput) {
    return this.service.start(this.people.for(req, actor).scope, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => [PartUrl])
  signUploadParts(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('uploadId') uploadId: string,
    @Args('partNumbers', { type: () => [Int] }) partNumbers: number[],
  ) {
    return this.service.signParts(this.people.for(req, actor).scope, uploadId, partNumbers);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => FilmUpload)
  recordUploadedPart(
    @CurrentActor() actor: Actor,
    @Context('req') req: object,
    @IdArg('uploadId') uploadId: string,
    @Args('partNumber', { type: () => Int }) partNumber: number,
    @Args('etag') etag: string,
  ) {
    return this.service.recordPart(this.people.for(req, actor).scope, uploadId, partNumber, etag);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => MediaAsset, { description: 'Completes the upload with the recorded parts and starts processing' })
  completeFilmUpload(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('uploadId') uploadId: string) {
    return this.service.complete(this.people.for(req, actor).scope, uploadId);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean)
  abortFilmUpload(@CurrentActor() actor: Actor, @Context('req') req: object, @IdArg('uploadId') uploadId: string) {
    return this.service.abort(this.people.for(req, actor).scope, uploadId);
  }

  @ResolveField(() => MediaAsset)
  async asset(@Parent() upload: FilmUpload, @Context('req') req: object): Promise<MediaAsset> {
    const asset = upload.asset ?? (await this.films.for(req).asset.load(upload.assetId));
    if (!asset) throw filmsError('UPLOAD_NOT_FOUND', `The asset of upload ${upload.id} no longer exists`);
    return asset;
  }

  @ResolveField(() => [UploadedPart])
  uploadedParts(@Parent() upload: FilmUpload, @Context('req') req: object): Promise<UploadedPart[]> {
    return this.films.for(req).partsOfUpload.load(upload.id);
  }
}

// A MediaAsset is reached only through a film its caller may work on, or an upload they may act on: both
// groups may view the files.
@Resolver(() => MediaAsset)
export class MediaAssetFieldsResolver {
  constructor(
    private readonly films: FilmsLoaders,
    private readonly storage: StorageService,
  ) {}

  @ResolveField(() => Film)
  async film(@Parent() asset: MediaAsset, @Context('req') req: object): Promise<Film> {
    const film = await this.films.for(req).film.load(asset.filmId);
    if (!film) throw filmsError('FILM_NOT_FOUND', `No film with id ${asset.filmId}`);
    return film;
  }

  @ResolveField(() => String, { nullable: true, description: 'The uploaded file; a signed link valid 15 minutes' })
  downloadUrl(@Parent() asset: MediaAsset): Promise<string> | null {
    const stored = asset.status === AssetStatus.READY || asset.status === AssetStatus.PROCESSING || asset.status === AssetStatus.FAILED;
    return stored ? this.storage.signedGetUrl(asset.objectKey, VIEW_SECONDS, asset.fileName) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Low-bitrate MP4 for poor connections, when READY' })
  previewUrl(@Parent() asset: MediaAsset): Promise<string> | null {
    return asset.status === AssetStatus.READY && asset.previewKey ? this.storage.signedGetUrl(asset.previewKey, VIEW_SECONDS) : null;
  }

  @ResolveField(() => String, { nullable: true })
  posterUrl(@Parent() asset: MediaAsset): Promise<string> | null {
    return asset.status === AssetStatus.READY && asset.posterKey ? this.storage.signedGetUrl(asset.posterKey, VIEW_SECONDS) : null;
  }
}
