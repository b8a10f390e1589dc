import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo, type ValueNode } from 'graphql';

export interface StringInputLimits {
  /** Longest string accepted in any argument or input field, in characters. */
  maxLength: number;
  /**
   * Exceptions by argument, as `Type.field.argument` (e.g. `Mutation.importFellows.csv`): a higher limit for a
   * whole CSV file, a lower one for a plain argument with a natural size (a note, a name).
   */
  perArgument?: Record<string, number>;
}

/** Where a refused string sits, and the limit that applies there. */
interface Problem {
  argument: string;
  path: string;
  reason: 'STRING_TOO_LONG' | 'NUL_CHARACTER';
  length: number;
  maxLength: number;
}

/**
 * Checks every string an operation carries into an argument, written in the document or sent as a variable,
 * at any depth of an input object or list, before any resolver runs:
 * - a length cap, so that no argument without its own `@MaxLength` can store or process megabytes;
 * - no NUL character, which PostgreSQL refuses in text (the write would fail as a server error).
 * Per-field limits (`@MaxLength` in the input classes) still apply after this and are usually lower.
 */
export function stringInputLimitPlugin(limits: StringInputLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const variables = request.variables ?? {};
          const typeInfo = new TypeInfo(schema);
          let problem: Problem | undefined;
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              Argument(node) {
                if (problem) return false;
                const directive = typeInfo.getDirective();
                const field = typeInfo.getFieldDef();
                const parent = typeInfo.getParentType();
                const argument = directive
                  ? `@${directive.name}.${node.name.value}`
                  : `${parent?.name ?? '?'}.${field?.name ?? '?'}.${node.name.value}`;
                const maxLength = limits.perArgument?.[argument] ?? limits.maxLength;
                problem = checkValue(node.value, variables, node.name.value, (path, value) =>
                  checkString(argument, path, value, maxLength),
                );
                return false;
              },
            }),
          );
          if (problem) throw problemError(problem);
        },
      };
    },
  };
}

type StringCheck = (path: string, value: string) => Problem | undefined;

function checkValue(node: ValueNode, variables: Record<string, unknown>, path: string, check: StringCheck): Problem | undefined {
  switch (node.kind) {
    case Kind.STRING:
      return check(path, node.value);
    case Kind.VARIABLE:
      return checkJson(variables[node.name.value], path, check);
    case Kind.LIST:
      for (const [index, item] of node.values.entries()) {
        const problem = checkValue(item, variables, `${path}[${index}]`, check);
        if (problem) return problem;
      }
      return undefined;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const problem = checkValue(field.value, variables, `${path}.${field.name.value}`, check);
        if (problem) return problem;
      }
      return undefined;
    default:
      return undefined;
  }
}

function checkJson(value: unknown, path: string, check: StringCheck): Problem | undefined {
  if (typeof value === 'string') return check(path, value);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = checkJson(item, `${path}[${index}]`, check);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const problem = checkJson(item, `${path}.${key}`, check);
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkString(argument: string, path: string, value: string, maxLength: number): Problem | undefined {
  if (value.length > maxLength) return { argument, path, reason: 'STRING_TOO_LONG', length: value.length, maxLength };
  if (value.includes('\u0000')) return { argument, path, reason: 'NUL_CHARACTER', length: value.length, maxLength };
  return undefined;
}

function problemError({ argument, path, reason, length, maxLength }: Problem): GraphQLError {
  const message =
    reason === 'STRING_TOO_LONG'
      ? `${path} is ${length} characters long, at most ${maxLength} are accepted: shorten it`
      : `${path} contains a NUL character (\\u0000), which no text may contain: remove it`;
  // Without a status, Apollo answers an error thrown here with HTTP 500: it is the caller's input.
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', reason, field: path, argument, maxLength, http: { status: 400 } },
  });
}
