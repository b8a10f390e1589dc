import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CalendarDate, CurrentActor, IdArg, MANAGERS, Roles, type Actor } from '#core';
import { DocumentFormat, DocumentLanguage, ReportDocument } from '../report-document.entity.js';
import { ReportDocumentsService } from './report-documents.service.js';

@Resolver(() => ReportDocument)
export class ReportDocumentsResolver {
  constructor(private readonly service: ReportDocumentsService) {}

  @Roles(...MANAGERS)
  @Mutation(() => ReportDocument, { description: 'Asks the worker for the impact report as a PDF (French or English) or an XLSX workbook' })
  requestImpactReportDocument(
    @CurrentActor() actor: Actor,
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
    @Args('format', { type: () => DocumentFormat }) format: DocumentFormat,
    @Args('language', { type: () => DocumentLanguage, defaultValue: DocumentLanguage.FR }) language: DocumentLanguage,
    @Args('programmeId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) programmeId?: string,
  ) {
    return this.service.request(actor, { from, to, format, language, programmeId: programmeId ?? null });
  }

  @Roles(...MANAGERS)
  @Query(() => ReportDocument, { nullable: true, description: 'An impact report document or a dataset export' })
  reportDocument(@CurrentActor() actor: Actor, @IdArg('id') id: string) {
    return this.service.get(actor, id);
  }
}
