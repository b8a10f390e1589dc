import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#access';
import { CalendarDate, IdArg, MANAGERS, Roles } from '#core';
import { DocumentFormat, DocumentLanguage, ReportDocument } from '../report-document.entity.js';
import { ReportDocumentsService } from './report-documents.service.js';

@Resolver(() => ReportDocument)
export class ReportDocumentsResolver {
  constructor(private readonly service: ReportDocumentsService) {}

  @Roles(...MANAGERS)
  @Mutation(() => ReportDocument, { description: 'Asks the worker for the impact report as a PDF (French or English) or an XLSX workbook' })
  requestImpactReportDocument(
    @Ctx() ctx: RequestContext,
    @Args('from', { type: () => CalendarDate }) from: string,
    @Args('to', { type: () => CalendarDate }) to: string,
    @Args('format', { type: () => DocumentFormat }) format: DocumentFormat,
    @Args('language', { type: () => DocumentLanguage, defaultValue: DocumentLanguage.FR }) language: DocumentLanguage,
    @Args('programmeId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) programmeId?: string,
  ) {
    return this.service.request(ctx, { from, to, format, language, programmeId: programmeId ?? null });
  }

  @Roles(...MANAGERS)
  @Query(() => ReportDocument, { nullable: true, description: 'An impact report document or a dataset export' })
  reportDocument(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.service.get(ctx, id);
  }
}
