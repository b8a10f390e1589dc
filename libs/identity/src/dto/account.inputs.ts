import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LowerCase, Role, Trim } from '#core';
import { User } from '#people';

@InputType()
export class InviteUserInput {
  @Field()
  @LowerCase()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'fullName must not be empty' })
  @MaxLength(200)
  fullName: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Links a FELLOW account to an existing fellow profile' })
  @IsOptional()
  @IsUUID('all', { message: 'fellowId must be an id' })
  fellowId?: string;
}

@ObjectType('Invitation')
export class IssuedInvitation {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => Role)
  role: Role;

  @Field({ description: 'One-time and expiring; shown once, to the person who invited' })
  token: string;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field(() => User)
  user: User;
}

export class Credentials {
  @LowerCase()
  @IsString()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(200)
  password: string;
}
