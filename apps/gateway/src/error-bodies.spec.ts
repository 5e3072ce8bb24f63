import { describe, expect, it } from 'vitest';
import { normalizeErrorBody } from './error-bodies.js';

const ID = 'req-1';

describe('every error body of the gateway has a code and the request id', () => {
  it("gives Fastify's own errors (empty or malformed JSON, too large) the hub's code, as a GraphQL error on /graphql", () => {
    const fastify = JSON.stringify({
      statusCode: 400,
      code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
      error: 'Bad Request',
      message: "Body cannot be empty when content-type is set to 'application/json'",
    });
    expect(JSON.parse(normalizeErrorBody(400, 'application/json; charset=utf-8', fastify, ID, true)!)).toEqual({
      errors: [
        {
          message: "Body cannot be empty when content-type is set to 'application/json'",
          extensions: { code: 'BAD_REQUEST', requestId: ID },
        },
      ],
    });
    const tooLarge = JSON.stringify({
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      error: 'Payload Too Large',
      message: 'Request body is too large',
    });
    expect(JSON.parse(normalizeErrorBody(413, 'application/json', tooLarge, ID, false)!)).toEqual({
      code: 'REQUEST_TOO_LARGE',
      message: 'Request body is too large',
      requestId: ID,
    });
  });

  it("wraps a plain-text answer (Apollo's CSRF block) and keeps the hub's own codes and details", () => {
    expect(
      JSON.parse(
        normalizeErrorBody(
          400,
          'text/plain',
          'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).',
          ID,
          true,
        )!,
      ),
    ).toMatchObject({
      errors: [{ extensions: { code: 'BAD_REQUEST', requestId: ID } }],
    });
    const hub = JSON.stringify({ code: 'UNKNOWN_REGISTER', message: 'no register "x" accepts extracts' });
    expect(JSON.parse(normalizeErrorBody(404, 'application/json', hub, ID, false)!)).toEqual({
      code: 'UNKNOWN_REGISTER',
      message: 'no register "x" accepts extracts',
      requestId: ID,
    });
  });

  it('adds the request id to GraphQL errors that lack it, and leaves complete ones alone', () => {
    const bare = JSON.stringify({ errors: [{ message: 'POST body missing', extensions: { code: 'BAD_REQUEST' } }] });
    expect(JSON.parse(normalizeErrorBody(400, 'application/json', bare, ID, true)!).errors[0].extensions).toEqual({
      code: 'BAD_REQUEST',
      requestId: ID,
    });
    const complete = JSON.stringify({
      errors: [{ message: 'x', extensions: { code: 'ACCESS_DENIED', requestId: ID } }],
    });
    expect(normalizeErrorBody(403, 'application/json', complete, ID, true)).toBeUndefined();
  });
});
