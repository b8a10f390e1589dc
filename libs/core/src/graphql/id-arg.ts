import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';

/** An `ID!` argument that must be a UUID: a malformed id is BAD_USER_INPUT before any SQL runs. */
export const IdArg = (name: string) => Args(name, { type: () => ID }, ParseUUIDPipe);
