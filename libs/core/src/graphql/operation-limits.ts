import depthLimit from 'graphql-depth-limit';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Limits of the shape of one operation, checked while the document is validated, before any resolver runs. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
}

/** The rules enforcing `limits`, to be added to GraphQL's own validation rules. */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [cycleSafeDepthLimit(limits.maxDepth), maxAliasesRule(limits.maxAliases), maxRootFieldsRule(limits.maxRootFields)];
}

function limitError(message: string, limit: string, max: number, actual: number): GraphQLError {
  // Apollo reports every validation error as GRAPHQL_VALIDATION_FAILED with HTTP 400; `limit` says which one.
  return new GraphQLError(message, { extensions: { limit, max, actual } });
}

/**
 * graphql-depth-limit follows fragment spreads without noticing a cycle (`fragment F on User { ...F }`) and
 * overflows the stack, which Apollo answers with a 500. GraphQL's own NoFragmentCyclesRule already refuses such
 * a document with a clear message, so the depth is only measured on documents without cycles.
 */
function cycleSafeDepthLimit(maxDepth: number): ValidationRule {
  const measureDepth = depthLimit(maxDepth);
  return (context: ValidationContext): ASTVisitor => (hasFragmentCycle(context.getDocument()) ? {} : measureDepth(context));
}

/** Every alias in the document counts: 2,400 aliases of one cheap field cost as much as 2,400 fields. */
function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              limitError(
                `This operation has ${aliases} aliases, at most ${maxAliases} are allowed: ask in several requests`,
                'aliases',
                maxAliases,
                aliases,
              ),
            );
          }
        },
      },
    };
  };
}

/** Root fields of each operation, counting those inside fragments spread at the root. */
function maxRootFieldsRule(maxRootFields: number): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      const count = countFields(node.selectionSet, fragments, new Set());
      if (count > maxRootFields) {
        const name = node.name ? ` ${node.name.value}` : '';
        context.reportError(
          limitError(
            `The operation${name} asks for ${count} root fields, at most ${maxRootFields} are allowed: ask in several requests`,
            'rootFields',
            maxRootFields,
            count,
          ),
        );
      }
      return false;
    },
  });
}

function countFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += countFields(selection.selectionSet, fragments, seen);
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A fragment spread twice at the root, or in a cycle, is counted once (the cycle is refused elsewhere).
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      count += countFields(fragment.selectionSet, fragments, seen);
    }
  }
  return count;
}

/** Whether a fragment spreads itself, directly or through others. */
export function hasFragmentCycle(document: DocumentNode): boolean {
  const spreads = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) spreads.set(definition.name.value, spreadNames(definition.selectionSet));
  }
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string): boolean => {
    if (visiting.has(name)) return true;
    if (done.has(name)) return false;
    visiting.add(name);
    const cyclic = (spreads.get(name) ?? []).some(visit);
    visiting.delete(name);
    done.add(name);
    return cyclic;
  };
  return [...spreads.keys()].some(visit);
}

function spreadNames(selectionSet: SelectionSetNode): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
    else if (selection.selectionSet) names.push(...spreadNames(selection.selectionSet));
  }
  return names;
}
