import { Body, Controller, HttpCode, HttpException, HttpStatus, Logger, Post } from '@nestjs/common';
import { InputError, Internal } from '@hub/subgraph';
import { AccessLog, type AppendResult } from './audit.service.js';

export const ACCESS_RECORDS_PATH = '/internal/access-records';

/**
 * POST /internal/access-records `{ records: AccessRecordInput[] }` → 200 `{ firstSeq, lastSeq }`
 * once the batch is committed. Only the gateway may call it, signed as itself (401 otherwise). An invalid record refuses the whole batch
 * (400 BAD_REQUEST with the violations) and nothing is stored; 503 means nothing was stored either
 * and the same batch may be sent again.
 */
@Controller()
export class AccessRecordController {
  private readonly logger = new Logger(AccessRecordController.name);

  constructor(private readonly log: AccessLog) {}

  @Internal('gateway')
  @Post(ACCESS_RECORDS_PATH)
  @HttpCode(HttpStatus.OK)
  async append(@Body() body: unknown): Promise<AppendResult> {
    if (
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body) ||
      Object.keys(body).some((k) => k !== 'records')
    ) {
      throw badRequest('the body must be { "records": [ … ] }', [
        { field: '(body)', code: 'INVALID_TYPE', message: 'must be an object with only "records"' },
      ]);
    }
    try {
      return await this.log.append((body as { records: never }).records);
    } catch (error) {
      if (error instanceof InputError) throw badRequest(error.message, error.violations);
      this.logger.error(
        `appending ${recordCount(body)} access records failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      throw new HttpException(
        {
          code: 'ACCESS_LOG_UNAVAILABLE',
          message: 'the access records could not be stored; nothing was stored — send the batch again',
        },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }
}

function badRequest(message: string, violations: unknown[]): HttpException {
  return new HttpException({ code: 'BAD_REQUEST', message, violations }, HttpStatus.BAD_REQUEST);
}

function recordCount(body: object): number | string {
  const records = (body as { records?: unknown }).records;
  return Array.isArray(records) ? records.length : '?';
}
