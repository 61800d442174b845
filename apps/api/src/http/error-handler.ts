import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { classifyDatabaseError } from '../db/database-errors.js';
import { sendProblem } from './problem.js';
import { noteError } from './request-log.js';

export interface ErrorHandlerOptions {
  readonly bodyLimitBytes: number;
  readonly statementTimeoutMs: number;
}

/** Turns anything a route or Fastify throws into a problem response with the right status. */
export function errorHandler(options: ErrorHandlerOptions) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(
          reply,
          400,
          'The request body is not valid JSON. Send a JSON object such as {"name":"aspirin","quantity":2}.',
        );
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, 413, `The request body is larger than ${options.bodyLimitBytes} bytes.`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(
          reply,
          415,
          'The request body must be JSON. Send it with Content-Type: application/json.',
        );
    }
    const failure = classifyDatabaseError(error);
    if (failure === 'timeout') {
      noteError(request, error);
      return sendProblem(
        reply,
        504,
        `The database did not answer within ${options.statementTimeoutMs} ms. Try again later.`,
      );
    }
    if (failure === 'unavailable') {
      noteError(request, error);
      return sendProblem(
        reply.header('retry-after', '1'),
        503,
        'The database is unavailable. Try again shortly.',
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendProblem(reply, status, error.message);
    noteError(request, error);
    return sendProblem(
      reply,
      500,
      'Something went wrong on our side. The request id in the x-request-id header identifies it in the logs.',
    );
  };
}
