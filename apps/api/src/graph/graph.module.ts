import { Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AccessService } from '#access';
import { FestivalsModule } from '#festivals';
import { ScreeningsModule } from '#screenings';
import { TrainingModule } from '#training';
import { EntryStatusChangeByResolver, FestivalEntryFilmResolver, FilmFestivalEntriesResolver } from './film-festivals.fields.js';
import { FellowFilmsResolver, ProgressFilmsResolver } from './fellow-films.fields.js';
import { FilmScreeningsResolver, ScreeningFilmsResolver } from './film-screenings.fields.js';
import { ImpactReportFundingResolver } from './impact-report-funding.fields.js';

/** The fields that join two domains: they live here so that domain libraries do not import each other for them. */
export const GRAPH_RESOLVERS = [
  ScreeningFilmsResolver,
  FilmScreeningsResolver,
  FilmFestivalEntriesResolver,
  FestivalEntryFilmResolver,
  EntryStatusChangeByResolver,
  FellowFilmsResolver,
  ProgressFilmsResolver,
  ImpactReportFundingResolver,
];

/** Refuses to start when a permission has no rule: a check must never fall through to "allowed". */
@Injectable()
class AccessRulesCheck implements OnApplicationBootstrap {
  constructor(private readonly access: AccessService) {}

  onApplicationBootstrap(): void {
    this.access.assertEveryPermissionRuled();
  }
}

@Module({ imports: [FestivalsModule, ScreeningsModule, TrainingModule], providers: [...GRAPH_RESOLVERS, AccessRulesCheck] })
export class GraphModule {}
