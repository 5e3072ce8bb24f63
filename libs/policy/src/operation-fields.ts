import {
  Kind,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  getNamedType,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationFields {
  /** Every `Type.field` the operation selects on an object type, e.g. "Query.person", "Person.phone", "LegalEntity.legalRepresentative". */
  coordinates: Set<string>;
  /** True when the operation selects __schema or __type (introspection); their meta-fields are not in `coordinates`. */
  introspection: boolean;
}

export interface OperationOptions {
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What both the field collector and the masker need to know about the operation being run. */
export interface PreparedOperation {
  operation: OperationDefinitionNode;
  rootType: GraphQLObjectType;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Whether @skip/@include keep a selection; true whenever the condition cannot be decided. */
  isIncluded(node: { readonly directives?: readonly DirectiveNode[] }): boolean;
}

/** Picks the operation graphql-js would execute and binds its variables; throws when there is none. */
export function prepareOperation(schema: GraphQLSchema, document: DocumentNode, options: OperationOptions): PreparedOperation {
  const operationName = options.operationName ?? null;
  let operation: OperationDefinitionNode | undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (operationName === null) {
        if (operation !== undefined) throw new Error('Must provide operation name if query contains multiple operations.');
        operation = definition;
      } else if (definition.name?.value === operationName) {
        operation = definition;
      }
    }
  }
  if (operation === undefined) {
    throw new Error(operationName === null ? 'Must provide an operation.' : `Unknown operation named "${operationName}".`);
  }
  const rootType = schema.getRootType(operation.operation);
  if (rootType === undefined || rootType === null) {
    throw new Error(`The schema does not support ${operation.operation} operations.`);
  }

  const variables = options.variables ?? {};
  // graphql-js coerces a missing variable to its declared default before evaluating directives.
  const defaults = new Map<string, boolean>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.BOOLEAN) defaults.set(definition.variable.name.value, definition.defaultValue.value);
  }
  const condition = (directive: DirectiveNode): boolean | undefined => {
    const argument = directive.arguments?.find((a) => a.name.value === 'if');
    if (argument === undefined) return undefined;
    const value = argument.value;
    if (value.kind === Kind.BOOLEAN) return value.value;
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    const given = Object.hasOwn(variables, name) ? variables[name] : undefined;
    const resolved = given === undefined ? defaults.get(name) : given;
    return typeof resolved === 'boolean' ? resolved : undefined;
  };
  const isIncluded = (node: { readonly directives?: readonly DirectiveNode[] }): boolean => {
    if (node.directives === undefined || node.directives.length === 0) return true;
    for (const directive of node.directives) {
      // An undecidable condition keeps the selection: the policy must see every field that might run.
      if (directive.name.value === 'skip' && condition(directive) === true) return false;
      if (directive.name.value === 'include' && condition(directive) === false) return false;
    }
    return true;
  };

  return { operation, rootType, fragments, isIncluded };
}

/** The object types a value of `type` can be at run time. */
export function runtimeTypesOf(schema: GraphQLSchema, type: GraphQLCompositeType): readonly GraphQLObjectType[] {
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [type];
}

/** Whether a fragment with type condition `condition` applies to a value of object type `runtime`. */
export function conditionApplies(schema: GraphQLSchema, condition: GraphQLCompositeType, runtime: GraphQLObjectType): boolean {
  return condition === runtime || (isAbstractType(condition) && schema.isSubType(condition, runtime));
}

/** Every schema field coordinate the operation selects; see {@link OperationFields}. */
export function fieldsOfOperation(schema: GraphQLSchema, document: DocumentNode, options: OperationOptions): OperationFields {
  const prepared = prepareOperation(schema, document, options);
  const result: OperationFields = { coordinates: new Set(), introspection: false };
  // Collecting a selection set twice in the same context adds nothing, so remembering contexts
  // both ends fragment cycles and keeps fragment-heavy documents from expanding exponentially.
  const seen = new WeakMap<SelectionSetNode, Set<string>>();

  const collect = (scope: GraphQLCompositeType, runtime: readonly GraphQLObjectType[], selectionSet: SelectionSetNode): void => {
    const context = `${scope.name}|${runtime.map((t) => t.name).join(',')}`;
    let contexts = seen.get(selectionSet);
    if (contexts === undefined) seen.set(selectionSet, (contexts = new Set()));
    if (contexts.has(context)) return;
    contexts.add(context);

    const narrowInto = (conditionName: string | undefined, inner: SelectionSetNode): void => {
      if (conditionName === undefined) return collect(scope, runtime, inner);
      const condition = schema.getType(conditionName);
      if (condition === undefined || !isCompositeType(condition)) return;
      collect(
        condition,
        runtime.filter((type) => conditionApplies(schema, condition, type)),
        inner,
      );
    };

    for (const selection of selectionSet.selections) {
      if (!prepared.isIncluded(selection)) continue;
      switch (selection.kind) {
        case Kind.FIELD: {
          const name = selection.name.value;
          if (name === '__typename') continue;
          if (name === '__schema' || name === '__type') {
            result.introspection = true;
            continue;
          }
          result.coordinates.add(`${scope.name}.${name}`);
          if (isAbstractType(scope)) {
            for (const type of runtime) {
              if (type.getFields()[name] !== undefined) result.coordinates.add(`${type.name}.${name}`);
            }
          }
          // Unions have no fields and unknown fields have no type: nothing below them to resolve.
          const definition = isObjectType(scope) || isInterfaceType(scope) ? scope.getFields()[name] : undefined;
          if (definition === undefined || selection.selectionSet === undefined) continue;
          const fieldType = getNamedType(definition.type);
          if (isCompositeType(fieldType)) collect(fieldType, runtimeTypesOf(schema, fieldType), selection.selectionSet);
          break;
        }
        case Kind.INLINE_FRAGMENT:
          narrowInto(selection.typeCondition?.name.value, selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const fragment = prepared.fragments.get(selection.name.value);
          if (fragment !== undefined) narrowInto(fragment.typeCondition.name.value, fragment.selectionSet);
          break;
        }
      }
    }
  };

  collect(prepared.rootType, [prepared.rootType], prepared.operation.selectionSet);
  return result;
}
