import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A dataset export made within the request (the deprecated `exportDataset`). */
@ObjectType()
export class ExportFile {
  @Field()
  fileName: string;

  @Field({ description: 'A signed link valid 15 minutes' })
  url: string;

  @Field(() => Int)
  rows: number;
}
