import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '#people';
import { QueueModule } from '#queue';
import { StorageModule } from '#storage';
import { FILMS_ENTITIES } from './entities/index.js';
import { AccessRulesModule } from '#access';
import { FILMS_ACCESS_RULES } from './films.access.js';
import { FilmFieldsResolver } from './films/film-fields.resolver.js';
import { FilmsResolver } from './films/films.resolver.js';
import { FilmsService } from './films/films.service.js';
import { ExpireUploadsJob, ProcessAssetJob } from './jobs/film-jobs.js';
import { MediaProcessingService } from './processing/media-processing.service.js';
import { FilmUploadsResolver } from './uploads/film-uploads.resolver.js';
import { MediaAssetFieldsResolver } from './uploads/media-asset-fields.resolver.js';
import { FilmUploadsService } from './uploads/film-uploads.service.js';

export const FILMS_RESOLVERS = [FilmsResolver, FilmFieldsResolver, FilmUploadsResolver, MediaAssetFieldsResolver];

/** Services and jobs of the films domain, without GraphQL (the worker uses this). */
@Module({
  imports: [
    TypeOrmModule.forFeature(FILMS_ENTITIES),
    PeopleModule,
    QueueModule,
    StorageModule,
    AccessRulesModule.forFeature('films', FILMS_ACCESS_RULES),
  ],
  providers: [FilmsService, FilmUploadsService, MediaProcessingService, ProcessAssetJob, ExpireUploadsJob],
  exports: [PeopleModule, StorageModule, FilmsService, FilmUploadsService, MediaProcessingService, ProcessAssetJob, ExpireUploadsJob],
})
export class FilmsModule {}

/** The films domain with its GraphQL API. */
@Module({ imports: [FilmsModule], providers: FILMS_RESOLVERS })
export class FilmsApiModule {}
