// Typed GraphQL operations for the console, from the composed supergraph (GraphQL Code Generator,
// client preset): `npm run console:codegen` writes apps/console/src/gql/, which is committed (see
// README, "The stewards' console") and checked to be current with `npm run console:codegen -- --check`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schemas/graphql/supergraph.graphql',
  documents: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts', '!apps/console/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/console/src/gql/': {
      preset: 'client',
      config: {
        // Operations as plain strings: the page needs no GraphQL parser (graphql-js) in its bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
