import { Args, Field, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { ALL_ROLES, IdArg, Roles } from '#core';
import { StartFilmUploadInput } from '../dto/films.inputs.js';
import { FilmUpload, MediaAsset, UploadedPart } from '../entities/index.js';
import { FilmsLoaderSet } from '../films.loaders.js';
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

@Resolver(() => FilmUpload)
export class FilmUploadsResolver {
  constructor(private readonly service: FilmUploadsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => FilmUpload, { nullable: true, description: 'An upload and the parts the server knows arrived: resume from here' })
  filmUpload(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.find(ctx, id);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [FilmUpload], {
    description:
      'Your uploads of this film that are neither finished, aborted nor expired, newest first: what you can resume, from any browser',
  })
  myUnfinishedUploads(@Ctx() ctx: RequestContext, @IdArg('filmId') filmId: string) {
    return this.service.unfinished(ctx, filmId);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => FilmUpload)
  startFilmUpload(@Ctx() ctx: RequestContext, @Args('input') input: StartFilmUploadInput) {
    return this.service.start(ctx, input);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => [PartUrl])
  signUploadParts(
    @Ctx() ctx: RequestContext,
    @IdArg('uploadId') uploadId: string,
    @Args('partNumbers', { type: () => [Int] }) partNumbers: number[],
  ) {
    return this.service.signParts(ctx, uploadId, partNumbers);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => FilmUpload)
  recordUploadedPart(
    @Ctx() ctx: RequestContext,
    @IdArg('uploadId') uploadId: string,
    @Args('partNumber', { type: () => Int }) partNumber: number,
    @Args('etag') etag: string,
  ) {
    return this.service.recordPart(ctx, uploadId, partNumber, etag);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => MediaAsset, { description: 'Completes the upload with the recorded parts and starts processing' })
  completeFilmUpload(@Ctx() ctx: RequestContext, @IdArg('uploadId') uploadId: string) {
    return this.service.complete(ctx, uploadId);
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean)
  abortFilmUpload(@Ctx() ctx: RequestContext, @IdArg('uploadId') uploadId: string) {
    return this.service.abort(ctx, uploadId);
  }

  @ResolveField(() => MediaAsset)
  async asset(@Parent() upload: FilmUpload, @Ctx() ctx: RequestContext): Promise<MediaAsset> {
    const asset = upload.asset ?? (await ctx.loaders(FilmsLoaderSet).asset.load(upload.assetId));
    if (!asset) throw filmsError('UPLOAD_NOT_FOUND', `The asset of upload ${upload.id} no longer exists`);
    return asset;
  }

  @ResolveField(() => [UploadedPart])
  uploadedParts(@Parent() upload: FilmUpload, @Ctx() ctx: RequestContext): Promise<UploadedPart[]> {
    return ctx.loaders(FilmsLoaderSet).partsOfUpload.load(upload.id);
  }
}
