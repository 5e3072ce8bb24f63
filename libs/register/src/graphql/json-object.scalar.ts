import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** A JSON object, for change records whose fields depend on what changed. Output mostly; input accepts object literals. */
export const GraphQLJSONObject = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new TypeError('JSONObject must be an object');
    return value;
  },
  parseLiteral: (ast) => literal(ast),
});

function literal(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value)]));
    case Kind.LIST:
      return ast.values.map(literal);
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      // A variable inside a literal object: the value is not at hand here, and the hub's
      // operations send JSON objects as a whole variable, which parseValue reads.
      return null;
    default: {
      const _exhaustive: never = ast;
      return _exhaustive;
    }
  }
}
