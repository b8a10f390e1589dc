import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { StorageService } from '#storage';
import { AssetStatus, Film, MediaAsset } from '../entities/index.js';
import { FilmsLoaderSet } from '../films.loaders.js';
import { filmsError } from '../films.errors.js';

/** Signed links to an asset's files live 15 minutes: enough to start playing, too short to share around. */
const VIEW_SECONDS = 900;

/** A file's links check access themselves, whatever path reached the asset. */
@Resolver(() => MediaAsset)
export class MediaAssetFieldsResolver {
  constructor(private readonly storage: StorageService) {}

  @ResolveField(() => Film)
  async film(@Parent() asset: MediaAsset, @Ctx() ctx: RequestContext): Promise<Film> {
    const film = await ctx.loaders(FilmsLoaderSet).film.load(asset.filmId);
    if (!film) throw filmsError('FILM_NOT_FOUND', `No film with id ${asset.filmId}`);
    return film;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The uploaded file; a signed link valid 15 minutes, for the film’s directors, its cohort’s trainers and managers (null for others)',
  })
  async downloadUrl(@Parent() asset: MediaAsset, @Ctx() ctx: RequestContext): Promise<string | null> {
    const stored = asset.status === AssetStatus.READY || asset.status === AssetStatus.PROCESSING || asset.status === AssetStatus.FAILED;
    if (!stored || !(await ctx.can('film.files', asset.filmId))) return null;
    return this.storage.signedGetUrl(asset.objectKey, VIEW_SECONDS, asset.fileName);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Low-bitrate MP4 for poor connections, when READY; for the film’s directors, its cohort’s trainers and managers (null for others)',
  })
  async previewUrl(@Parent() asset: MediaAsset, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (asset.status !== AssetStatus.READY || !asset.previewKey || !(await ctx.can('film.files', asset.filmId))) return null;
    return this.storage.signedGetUrl(asset.previewKey, VIEW_SECONDS);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The poster, when READY: for the film’s people, and for everyone once the film is screened publicly',
  })
  async posterUrl(@Parent() asset: MediaAsset, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (asset.status !== AssetStatus.READY || !asset.posterKey || !(await ctx.can('film.public', asset.filmId))) return null;
    return this.storage.signedGetUrl(asset.posterKey, VIEW_SECONDS);
  }
}
