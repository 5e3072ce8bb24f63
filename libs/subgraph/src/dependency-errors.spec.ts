import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isInvalidValue, unavailableDependency } from './dependency-errors.js';
import { formatGraphQLError } from './graphql-errors.js';

/** An error as node-postgres raises it: a message and a SQLSTATE. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('a database outage is told apart from a bug', () => {
  it.each([
    [
      'not accepting connections (ALLOW_CONNECTIONS false)',
      pgError('55000', 'database "x" is not currently accepting connections'),
    ],
    [
      'terminated by an administrator (a restart)',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['cannot connect now (starting up)', pgError('57P03', 'the database system is starting up')],
    ['refused at the TCP level', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    [
      'wrapped by TypeORM',
      new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command')),
    ],
  ])('%s → database', (_, error) => {
    expect(unavailableDependency(new GraphQLError('resolver failed', { originalError: error }))).toBe('database');
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error (a bug)', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
  ])('%s → not a dependency', (_, error) => {
    expect(unavailableDependency(new GraphQLError('resolver failed', { originalError: error }))).toBeNull();
  });

  it('reaches the caller as SERVICE_UNAVAILABLE naming the app and the dependency, not the address', () => {
    const error = new GraphQLError('resolver failed', {
      path: ['person'],
      originalError: pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.1.2.3:5432'),
    });
    const formatted = formatGraphQLError({ message: error.message, path: ['person'] }, error, 'population');
    expect(formatted).toMatchObject({
      path: ['person'],
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'population', dependency: 'database', retryable: true },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/10\.1\.2\.3|5432|ECONNREFUSED/);
  });

  it("takes a value the database cannot read as the caller's mistake (BAD_USER_INPUT), not a bug", () => {
    const error = new GraphQLError('resolver failed', {
      path: ['sharingApplication'],
      originalError: new QueryFailedError(
        'SELECT …',
        ['x'],
        pgError('22P02', 'invalid input syntax for type uuid: "x"'),
      ),
    });
    expect(isInvalidValue(error)).toBe(true);
    expect(
      formatGraphQLError({ message: error.message, path: ['sharingApplication'] }, error, 'catalog'),
    ).toMatchObject({
      path: ['sharingApplication'],
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FORMAT' },
    });
    expect(isInvalidValue(new GraphQLError('x', { originalError: pgError('23505', 'duplicate key') }))).toBe(false);
  });
});
