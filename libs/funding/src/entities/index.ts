import { Funder } from './funder.entity.js';
import { GrantProgramme } from './grant-programme.entity.js';
import { Grant } from './grant.entity.js';

export * from './enums.js';
export { Funder, Grant, GrantProgramme };

export const FUNDING_ENTITIES = [Funder, Grant, GrantProgramme];
