import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  ADMIN = 'ADMIN',
  PROGRAMME_MANAGER = 'PROGRAMME_MANAGER',
  TRAINER = 'TRAINER',
  FELLOW = 'FELLOW',
}

registerEnumType(Role, { name: 'Role' });

/** Roles that see and manage every programme, cohort and fellow. */
export const MANAGERS: readonly Role[] = [Role.ADMIN, Role.PROGRAMME_MANAGER];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** The authenticated caller of a request, as loaded fresh from the database for that request. */
export interface Actor {
  id: string;
  role: Role;
  /** The fellow profile linked to a FELLOW account, if any. */
  fellowId: string | null;
}

export const isManager = (actor: Actor): boolean => MANAGERS.includes(actor.role);
