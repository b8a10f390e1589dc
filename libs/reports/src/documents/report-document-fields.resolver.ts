import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ReportDocument } from '../report-document.entity.js';
import { ReportDocumentsService } from './report-documents.service.js';

@Resolver(() => ReportDocument)
export class ReportDocumentFieldsResolver {
  constructor(private readonly service: ReportDocumentsService) {}

  @ResolveField(() => String, { nullable: true, description: 'A signed link valid 15 minutes, once READY' })
  downloadUrl(@Parent() document: ReportDocument): Promise<string> | null {
    return this.service.downloadUrl(document);
  }
}
