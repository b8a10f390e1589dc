import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { Type as ValidateType } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';

export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** `first` (default 20, at most 100) and `after` (an opaque cursor from `pageInfo.endCursor`). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @ValidateType(() => Number)
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}` })
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The connection type of a node type: `{ nodes, pageInfo, totalCount }`, named `<Node>Connection`. */
export function ConnectionType<T>(node: new (...args: never[]) => T) {
  @ObjectType(`${node.name}Connection`)
  class ConnectionClass implements Connection<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

interface Cursor {
  createdAt: string;
  id: string;
}

function encodeCursor(entity: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([entity.createdAt.toISOString(), entity.id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt))) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('BAD_USER_INPUT', 'INVALID_CURSOR', 'The `after` cursor is not one this API returned');
}

/**
 * Runs a page of a query as a connection, in creation order. Keyset pagination on (created_at, id): a page
 * costs the same however deep it is, and rows inserted meanwhile neither repeat nor vanish.
 * The query must select one root entity with `createdAt` and `id`.
 */
export async function paginate<T extends ObjectLiteral & { createdAt: Date; id: string }>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
): Promise<Connection<T>> {
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  const page = query
    .clone()
    .orderBy(`${alias}.createdAt`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(args.first + 1);
  if (args.after) {
    const cursor = decodeCursor(args.after);
    page.andWhere(`(${alias}.createdAt, ${alias}.id) > (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: cursor.createdAt,
      cursorId: cursor.id,
    });
  }
  const rows = await page.getMany();
  const nodes = rows.slice(0, args.first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > args.first, endCursor: last ? encodeCursor(last) : null },
  };
}
