import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { baseApp } from '../shared/service.js';

interface PaymentBody {
  readonly orderId: string;
  readonly customerId: string;
  readonly amountCents: number;
}

/**
 * Takes a payment for an order and answers with its id. It stores nothing: a real one would call
 * a payment provider here, whose own records are the truth.
 */
export function paymentsApp(env: NodeJS.ProcessEnv): FastifyInstance {
  const app = baseApp('payments', env);
  app.post<{ Body: PaymentBody }>(
    '/payments',
    {
      schema: {
        body: {
          type: 'object',
          required: ['orderId', 'customerId', 'amountCents'],
          additionalProperties: false,
          properties: {
            orderId: { type: 'string', minLength: 1, maxLength: 64 },
            customerId: { type: 'string', minLength: 1, maxLength: 128 },
            amountCents: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
    async (request, reply) => {
      const paymentId = randomUUID();
      request.log.info(
        { paymentId, orderId: request.body.orderId, amountCents: request.body.amountCents },
        'payment taken',
      );
      return reply.code(201).send({ paymentId, orderId: request.body.orderId, status: 'captured' });
    },
  );
  return app;
}
