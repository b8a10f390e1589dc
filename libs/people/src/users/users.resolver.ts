import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Ctx, type RequestContext } from '#access';
import { ConnectionType, containsPattern, MANAGERS, paginate, Roles, type Connection } from '#core';
import { DataSource } from 'typeorm';
import { UsersArgs } from '../dto/people.inputs.js';
import { User } from '../entities/index.js';

@ObjectType()
export class UserConnection extends ConnectionType(User) {}

/** The people who have an account: a directory for those who run the programmes (to assign a trainer, say). */
@Resolver(() => User)
export class UsersResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Roles(...MANAGERS)
  @Query(() => UserConnection, {
    description: 'Everyone with an account, for managers and admins: search by part of the name or e-mail, filter by role',
  })
  users(@Ctx() ctx: RequestContext, @Args() { filter, ...page }: UsersArgs): Promise<Connection<User>> {
    const query = this.dataSource.getRepository(User).createQueryBuilder('account');
    if (filter?.role) query.andWhere('account.role = :role', { role: filter.role });
    if (filter?.search) {
      query.andWhere('(account.fullName ILIKE :search OR account.email ILIKE :search)', { search: containsPattern(filter.search) });
    }
    return paginate(query, page);
  }
}
