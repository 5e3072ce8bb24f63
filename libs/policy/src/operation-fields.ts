import {
  Kind,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  getNamedType,
  valueFromASTUntyped,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { ARGUMENT_SELECTORS, argumentCoordinate } from './argument-governance.js';

export interface OperationFields {
  /** Every `Type.field` the operation selects on an object type, e.g. "Query.person", "Person.phone", "LegalEntity.legalRepresentative". */
  coordinates: Set<string>;
  /** True when the operation selects __schema or __type (introspection); their meta-fields are not in `coordinates`. */
  introspection: boolean;
  /** The selected fields that take arguments: what `argumentUses` reads the arguments' values from, per request. */
  argumentSites: ArgumentSites;
}

/**
 * Where an operation passes arguments: each selected field that has arguments, under every type
 * coordinate it is selected as. It depends on the document, the operation and the @skip/@include
 * conditions only — never on the variables' values — so it may be remembered with the fields.
 */
export interface ArgumentSites {
  sites: ReadonlyArray<{ fields: readonly string[]; definition: GraphQLField<unknown, unknown>; node: FieldNode }>;
  /** The operation's variable defaults, which apply when a variable is not given. */
  variableDefaults: ReadonlyMap<string, ValueNode>;
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
export function prepareOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: OperationOptions,
): PreparedOperation {
  const operationName = options.operationName ?? null;
  let operation: OperationDefinitionNode | undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (operationName === null) {
        if (operation !== undefined)
          throw new Error('Must provide operation name if query contains multiple operations.');
        operation = definition;
      } else if (definition.name?.value === operationName) {
        operation = definition;
      }
    }
  }
  if (operation === undefined) {
    throw new Error(
      operationName === null ? 'Must provide an operation.' : `Unknown operation named "${operationName}".`,
    );
  }
  const rootType = schema.getRootType(operation.operation);
  if (rootType === undefined || rootType === null) {
    throw new Error(`The schema does not support ${operation.operation} operations.`);
  }

  const variables = options.variables ?? {};
  // graphql-js coerces a missing variable to its declared default before evaluating directives.
  const defaults = new Map<string, boolean>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue?.kind === Kind.BOOLEAN)
      defaults.set(definition.variable.name.value, definition.defaultValue.value);
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
export function conditionApplies(
  schema: GraphQLSchema,
  condition: GraphQLCompositeType,
  runtime: GraphQLObjectType,
): boolean {
  return condition === runtime || (isAbstractType(condition) && schema.isSubType(condition, runtime));
}

/** Every schema field coordinate the operation selects; see {@link OperationFields}. */
export function fieldsOfOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: OperationOptions,
): OperationFields {
  const prepared = prepareOperation(schema, document, options);
  const sites: Array<ArgumentSites['sites'][number]> = [];
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of prepared.operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const result: OperationFields = {
    coordinates: new Set(),
    introspection: false,
    argumentSites: { sites, variableDefaults },
  };
  // A field node reached again under the same scope passes the same arguments: one site.
  const sited = new Map<FieldNode, Set<string>>();
  // Collecting a selection set twice in the same context adds nothing, so remembering contexts
  // both ends fragment cycles and keeps fragment-heavy documents from expanding exponentially.
  const seen = new WeakMap<SelectionSetNode, Set<string>>();

  const collect = (
    scope: GraphQLCompositeType,
    runtime: readonly GraphQLObjectType[],
    selectionSet: SelectionSetNode,
  ): void => {
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
          const selectedAs = [`${scope.name}.${name}`];
          if (isAbstractType(scope)) {
            for (const type of runtime) {
              if (type.getFields()[name] !== undefined) selectedAs.push(`${type.name}.${name}`);
            }
          }
          for (const coordinate of selectedAs) result.coordinates.add(coordinate);
          // Unions have no fields and unknown fields have no type: nothing below them to resolve.
          const definition = isObjectType(scope) || isInterfaceType(scope) ? scope.getFields()[name] : undefined;
          if (definition !== undefined && definition.args.length > 0) {
            let scopes = sited.get(selection);
            if (scopes === undefined) sited.set(selection, (scopes = new Set()));
            if (!scopes.has(scope.name)) {
              scopes.add(scope.name);
              sites.push({ fields: selectedAs, definition, node: selection });
            }
          }
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

/**
 * The arguments an operation passes, with their values, for these variables: `Type.field(path)` →
 * the leaf values given there (lists flattened; `path` runs through input objects, e.g.
 * `Query.searchPersons(filter.name)`), qualified by the kind selector's value on a field that has
 * one (`Query.spatialSearch(kind: PERSON, within.divisionCode)`; every value when it cannot be
 * told). Literals and variables alike — inside lists and input objects too — and the defaults of
 * variables, arguments and input fields; a null or absent value passes nothing. Only fields the
 * operation runs are read (the sites honour @skip/@include). Linear in the document and the
 * variables: a variable's value is walked once per argument coordinate, however often it is used.
 */
export function argumentUses(
  argumentSites: ArgumentSites,
  variables: Record<string, unknown> | null | undefined,
): Map<string, unknown[]> {
  const given = variables ?? {};
  const uses = new Map<string, unknown[]>();
  const walked = new Set<string>();
  const emit = (coordinate: string, value: unknown): void => {
    let values = uses.get(coordinate);
    if (values === undefined) uses.set(coordinate, (values = []));
    values.push(value);
  };
  const variableValue = (name: string): unknown => {
    if (Object.hasOwn(given, name)) return given[name];
    const fallback = argumentSites.variableDefaults.get(name);
    return fallback === undefined ? undefined : valueFromASTUntyped(fallback);
  };

  type At = (path: string) => string;
  const walkValue = (value: unknown, type: GraphQLInputType, path: string, at: At): void => {
    if (value === null || value === undefined) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      // A single value given for a list is coerced into a list of one.
      for (const element of Array.isArray(value) ? value : [value]) walkValue(element, nullable.ofType, path, at);
    } else if (isInputObjectType(nullable)) {
      if (typeof value !== 'object' || Array.isArray(value)) return; // not coercible: the operation fails
      const object = value as Record<string, unknown>;
      for (const field of Object.values(nullable.getFields())) {
        const inner = Object.hasOwn(object, field.name) ? object[field.name] : field.defaultValue;
        walkValue(inner, field.type, `${path}.${field.name}`, at);
      }
    } else {
      emit(at(path), value);
    }
  };
  const walkNode = (node: ValueNode, type: GraphQLInputType, path: string, at: At): void => {
    if (node.kind === Kind.NULL) return;
    if (node.kind === Kind.VARIABLE) {
      const once = `${at(path)}\u0000${node.name.value}`;
      if (walked.has(once)) return;
      walked.add(once);
      return walkValue(variableValue(node.name.value), type, path, at);
    }
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      for (const element of node.kind === Kind.LIST ? node.values : [node])
        walkNode(element, nullable.ofType, path, at);
    } else if (isInputObjectType(nullable)) {
      if (node.kind !== Kind.OBJECT) return;
      const fields = nullable.getFields();
      const present = new Set<string>();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (definition === undefined) continue;
        present.add(field.name.value);
        walkNode(field.value, definition.type, `${path}.${field.name.value}`, at);
      }
      for (const definition of Object.values(fields)) {
        if (!present.has(definition.name))
          walkValue(definition.defaultValue, definition.type, `${path}.${definition.name}`, at);
      }
    } else {
      emit(at(path), valueFromASTUntyped(node, given));
    }
  };

  for (const site of argumentSites.sites) {
    const passed = new Map((site.node.arguments ?? []).map((a) => [a.name.value, a.value]));
    for (const field of site.fields) {
      const selector = ARGUMENT_SELECTORS[field];
      const values =
        selector === undefined ? [] : selectorValues(site.definition, selector, passed.get(selector), variableValue);
      const qualifiers = values.length === 0 ? [null] : values;
      for (const qualifier of qualifiers) {
        const at: At = (path) =>
          argumentCoordinate(
            field,
            path,
            qualifier === null || path === selector ? null : { name: selector!, value: qualifier },
          );
        for (const argument of site.definition.args) {
          const node = passed.get(argument.name);
          if (node !== undefined) walkNode(node, argument.type, argument.name, at);
          else walkValue(argument.defaultValue, argument.type, argument.name, at);
        }
      }
    }
  }
  return uses;
}

/** The values a kind selector has: the one given, or every value of its enum when it cannot be told. */
function selectorValues(
  field: GraphQLField<unknown, unknown>,
  name: string,
  node: ValueNode | undefined,
  variableValue: (name: string) => unknown,
): string[] {
  const argument = field.args.find((a) => a.name === name);
  const type = argument ? getNullableType(argument.type) : undefined;
  if (!argument || !type || !isEnumType(type)) return [];
  const values = type.getValues().map((v) => v.name);
  const value =
    node === undefined
      ? argument.defaultValue
      : node.kind === Kind.ENUM
        ? node.value
        : node.kind === Kind.VARIABLE
          ? variableValue(node.name.value)
          : undefined;
  return typeof value === 'string' && values.includes(value) ? [value] : values;
}
