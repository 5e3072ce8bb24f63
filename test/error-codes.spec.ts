// Every error code the hub answers with is one of HUB_ERROR_CODES (libs/subgraph/src/error-codes.ts),
// the one list of codes with their meanings. `new HubError(code, …)` is checked by the compiler;
// this reads the source for the answers the compiler cannot check (a code written into a GraphQL
// error's extensions, an HTTP error body, a refusal helper's status and code), and the README's
// table of codes for one that no longer exists. The steps: docs/recipes.md "Add an error code".
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUB_ERROR_CODES, isHubErrorCode } from '@hub/subgraph';

/** Codes Apollo Server itself answers with (the hub passes them on, it does not make them). */
const APOLLO_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
];

const CODE = String.raw`'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'`;
/** Where a literal code becomes an answer's code, in the shapes the hub's source writes them. */
const ANSWER_SHAPES = [
  // a GraphQL error's extensions: { …, code: 'X' }
  new RegExp(String.raw`extensions:\s*\{[^}]*?\bcode:\s*${CODE}`, 'g'),
  // new HubError('X', …), new GraphQLError('X', …)
  new RegExp(String.raw`new (?:HubError|GraphQLError)\(\s*${CODE}`, 'g'),
  // an HTTP error body: new HttpException({ code: 'X', … }), reply.send({ code: 'X', … })
  new RegExp(String.raw`(?:HttpException|\.send)\(\s*\{\s*code:\s*${CODE}`, 'g'),
  // a refusal helper called with an HTTP status, then the code: answer(request, reply, 404, 'X', …)
  new RegExp(String.raw`,\s*[1-5]\d\d,\s*${CODE}`, 'g'),
];

/** The apps' and libraries' source, without specs and generated files. */
function sourceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'apps', 'libs'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file) && !file.startsWith('apps/console/src/gql/'));
}

/** The literal codes `text` answers with, by the shapes above. */
function answeredCodes(text: string): string[] {
  return ANSWER_SHAPES.flatMap((shape) => [...text.matchAll(shape)].map((match) => match[1]));
}

describe('error codes', () => {
  it('finds the codes of every shape it reads (so that a new one is seen)', () => {
    const text = [
      `return new GraphQLError(message, { extensions: { code: 'ONE_CODE', retryable: true } });`,
      `throw new HubError('TWO_CODE', 'why');`,
      `throw new HttpException({ code: 'THREE_CODE', message }, 503);`,
      `return answer(request, reply, 404, 'FOUR_CODE', 'no such thing');`,
      `reply.status(503).send({ code: 'FIVE_CODE', message: 'later' });`,
      `const reason = { field: 'x', code: 'NOT_AN_ANSWER', message: 'a violation reason, a vocabulary of its own' };`,
    ].join('\n');
    expect(answeredCodes(text).sort()).toEqual(['FIVE_CODE', 'FOUR_CODE', 'ONE_CODE', 'THREE_CODE', 'TWO_CODE']);
  });

  it('every code the source answers with is in HUB_ERROR_CODES, with its meaning', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const undeclared = files.flatMap((file) =>
      answeredCodes(readFileSync(file, 'utf8'))
        .filter((code) => !isHubErrorCode(code))
        .map((code) => `${code} (${file})`),
    );
    expect(undeclared, 'add each to HUB_ERROR_CODES in libs/subgraph/src/error-codes.ts, with what it means').toEqual(
      [],
    );
  });

  it('every code has a meaning, and is spelled as a code', () => {
    for (const [code, meaning] of Object.entries(HUB_ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(meaning.length, code).toBeGreaterThan(10);
    }
  });

  it('the README names only codes that exist (its table of what a caller should do, by code)', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(
      readme.indexOf('What a caller should do, by code'),
      readme.indexOf('## Architecture in brief'),
    );
    expect(table.length).toBeGreaterThan(100);
    const named = [...table.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(_\*)?`/g)].map(([, code, wildcard]) =>
      wildcard ? `${code}_*` : code,
    );
    expect(named.length).toBeGreaterThan(10);
    const unknown = named.filter((code) =>
      code.endsWith('_*')
        ? !Object.keys(HUB_ERROR_CODES).some((known) => known.startsWith(code.slice(0, -1)))
        : !isHubErrorCode(code) && !APOLLO_CODES.includes(code),
    );
    expect(unknown).toEqual([]);
  });
});
