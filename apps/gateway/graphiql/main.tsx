// @ts-nocheck -- browser code bundled by scripts/build-graphiql.mjs (esbuild); the root tsconfig is
// the server's (no DOM lib, no JSX, no React types) and excludes this folder.
// GraphiQL page of the data-sharing hub. Everything runs from files the gateway serves itself:
// no CDN, no web font, no request to any other origin (scripts/build-graphiql.mjs scans the build
// for external URLs and a browser test with outside traffic blocked checks it).
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
// One stylesheet with everything GraphiQL 5 needs (Monaco's CSS and the Roboto / Fira Code fonts
// are embedded as data: URLs, nothing is fetched from elsewhere).
import 'graphiql/style.css';
import './page.css';

/**
 * Monaco editor workers, built by scripts/build-graphiql.mjs as separate same-origin files next to
 * this bundle. The build replaces this identifier with their (hashed) file names.
 */
declare const __MONACO_WORKERS__: { editor: string; json: string; graphql: string };

// GraphiQL 5 runs its editors on Monaco, which starts web workers through
// `self.MonacoEnvironment.getWorker`. graphiql's own `setup-workers/*` helpers need Vite,
// webpack or esm.sh (a CDN); here the workers are plain files resolved against this module's URL,
// so they are loaded from the same origin and path as the page's other assets.
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file =
      label === 'graphql'
        ? __MONACO_WORKERS__.graphql
        : label === 'json'
          ? __MONACO_WORKERS__.json
          : __MONACO_WORKERS__.editor;
    return new Worker(new URL(file, import.meta.url), { name: `monaco-${label}` });
  },
};

/**
 * The API is `graphql` next to the page: the page is served at `<prefix>/graphiql` and the API at
 * `<prefix>/graphql`, so resolving against the page URL keeps working behind a path prefix. A
 * trailing slash or an explicit index.html is dropped first so that `<prefix>/graphiql/` still
 * points at `<prefix>/graphql`, not `<prefix>/graphiql/graphql`.
 */
function graphqlEndpoint(): string {
  const page = new URL(window.location.href);
  page.pathname = page.pathname.replace(/\/(index\.html)?$/, '');
  page.search = '';
  page.hash = '';
  return new URL('graphql', page).href;
}

const endpoint = graphqlEndpoint();

type GraphQLParams = { query: string; operationName?: string | null; variables?: unknown };

/**
 * The Headers tab's first content: where the key goes, and the purpose every query needs (without
 * it the gateway refuses with PURPOSE_REQUIRED). The demo keys are in the README and in the banner
 * of `npm start`.
 */
const DEFAULT_HEADERS = '{\n  "Authorization": "Bearer <paste your hub API key here>",\n  "x-hub-purpose": "demo"\n}';

/**
 * The API key in the headers, or null while there is none: headers that are not JSON yet (being
 * typed), no Authorization, or the placeholder. The schema is only asked for with a key — the hub
 * answers nothing, not even introspection, without one.
 */
function keyIn(headers: Record<string, string> | undefined): string | null {
  const authorization = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const key = typeof authorization === 'string' ? authorization.replace(/^Bearer\s+/i, '').trim() : '';
  return key && !key.includes('<') ? key : null;
}

const NO_KEY =
  'No API key yet: paste your hub API key in Headers (below the query, the "Authorization" line; demo keys: README.md). The schema and the Docs then load by themselves.';

/**
 * POSTs the operation as JSON to the hub's endpoint (same origin), with the headers typed in the
 * Headers tab (e.g. `Authorization: Bearer <key>`). A non-JSON answer (a proxy's 502 page, a plain
 * 401) is turned into a GraphQL error so it shows in the result pane instead of being swallowed.
 */
async function fetcher(params: GraphQLParams, opts?: { headers?: Record<string, string> }) {
  // Without a key the answer would be a bare 401: say what to do instead of asking.
  if (!keyIn(opts?.headers)) return { errors: [{ message: NO_KEY }] };
  const response = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      ...opts?.headers,
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return {
      errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 500)}` }],
    };
  }
}

// Placeholder text for the first tab; the lead adjusts it. It stays a comment block so that
// running it by accident does nothing.
const defaultQuery = `# Data-sharing hub — GraphiQL
# The demo data holds legal entities registered in Foshan (440600), Hangzhou (330100)
# and Quzhou (330800). Run this, then open Docs for the whole graph.
query SearchFoshan {
  searchLegalEntities(filter: { divisionCode: "440600" }, first: 5) {
    nodes {
      uscc
      name
      kind
      status
      registeredAddress { text divisionName }
      legalRepresentative { idNumber }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

function parseHeaders(text: string): Record<string, string> | undefined {
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Inside GraphiQL (its store): loads the schema as soon as the Headers tab holds a key — GraphiQL
 * itself only introspects on load, so a key pasted afterwards left the Docs on "Error fetching
 * schema" until the small re-fetch icon was clicked — and, until a schema is there, shows what to
 * do. Waits for the typing to pause before asking.
 */
function SchemaOnceKeyed({ headers }: { headers: string }) {
  const { introspect } = useGraphiQLActions();
  const schema = useGraphiQL((state) => state.schema);
  const fetchError = useGraphiQL((state) => state.fetchError);
  const key = keyIn(parseHeaders(headers));
  useEffect(() => {
    if (!key) return undefined;
    const timer = setTimeout(() => void introspect(), 400);
    return () => clearTimeout(timer);
  }, [key, introspect]);
  if (schema) return null;
  return (
    <p className="hub-key-hint" role="status" data-testid="key-hint">
      {key && fetchError
        ? `The hub refused this key: ${fetchError.slice(0, 200)}`
        : 'No schema yet: paste your hub API key in Headers (below the query); the schema and the Docs then load by themselves.'}
    </p>
  );
}

function Page() {
  const [headers, setHeaders] = useState(DEFAULT_HEADERS);
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={defaultQuery}
      // The Headers tab is where developers paste their API key: keep it enabled and open it.
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
      // Every request needs a key and a purpose: the placeholder says where the key goes.
      defaultHeaders={DEFAULT_HEADERS}
      onEditHeaders={setHeaders}
      // Never write API keys into localStorage (GraphiQL's default, stated here on purpose), and
      // hide the settings switch that would let a user turn persistence on.
      shouldPersistHeaders={false}
      showPersistHeadersSettings={false}
    >
      <GraphiQL.Logo>
        <SchemaOnceKeyed headers={headers} />
        <span className="hub-logo">Data-sharing hub</span>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
