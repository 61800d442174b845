import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CallerTokens, readCallerSettings } from '../shared/caller-tokens.js';
import { documentClient } from '../shared/dynamo.js';
import { baseUrl, required } from '../shared/env.js';
import { PeerClient } from '../shared/peer-client.js';
import { baseApp } from '../shared/service.js';

interface OrderItem {
  readonly sku: string;
  readonly quantity: number;
  readonly priceCents: number;
}

interface OrderBody {
  readonly customerId: string;
  readonly items: readonly OrderItem[];
}

/**
 * Orders in TABLE_ORDERS. Placing one reserves its stock with the inventory service, takes the
 * payment with the payments service, and only then writes the order: the table's stream carries
 * placed orders alone, so what it feeds (the notify function) never hears of an order that failed.
 */
export function ordersApp(
  env: NodeJS.ProcessEnv,
  db: DynamoDBDocumentClient = documentClient(),
): FastifyInstance {
  const table = required(
    env,
    'TABLE_ORDERS',
    'the orders table name (Slipway sets it from services.orders.tables)',
  );
  const caller = readCallerSettings(env);
  const tokens = caller ? new CallerTokens(caller) : undefined;
  const inventory = new PeerClient(
    baseUrl(env, 'INVENTORY_URL', 'http://inventory.orders.internal:8080'),
    tokens,
  );
  const payments = new PeerClient(
    baseUrl(env, 'PAYMENTS_URL', 'http://payments.orders.internal:8080'),
    tokens,
  );
  const app = baseApp('orders', env);

  app.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
    const found = await db.send(new GetCommand({ TableName: table, Key: { orderId: request.params.id } }));
    if (!found.Item) return reply.code(404).send({ title: `No order ${request.params.id}.` });
    return found.Item;
  });

  app.post<{ Body: OrderBody }>(
    '/orders',
    {
      schema: {
        body: {
          type: 'object',
          required: ['customerId', 'items'],
          additionalProperties: false,
          properties: {
            customerId: { type: 'string', minLength: 1, maxLength: 128 },
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 100,
              items: {
                type: 'object',
                required: ['sku', 'quantity', 'priceCents'],
                additionalProperties: false,
                properties: {
                  sku: { type: 'string', minLength: 1, maxLength: 64 },
                  quantity: { type: 'integer', minimum: 1 },
                  priceCents: { type: 'integer', minimum: 0 },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { customerId, items } = request.body;
      const orderId = randomUUID();
      const reserved = await inventory.post('/inventory/reservations', {
        orderId,
        items: items.map(({ sku, quantity }) => ({ sku, quantity })),
      });
      if (reserved.status === 409) {
        return reply
          .code(409)
          .send({ title: 'Not enough stock.', skus: (reserved.body as { skus?: unknown })?.skus });
      }
      if (reserved.status !== 201) return upstreamFailed(reply, 'inventory', reserved.status);

      const amountCents = items.reduce((sum, i) => sum + i.quantity * i.priceCents, 0);
      const paid = await payments.post('/payments', { orderId, customerId, amountCents });
      // A failed payment leaves the stock reserved; releasing it is the next feature of the example.
      if (paid.status !== 201) return upstreamFailed(reply, 'payments', paid.status);

      const order = {
        orderId,
        customerId,
        items,
        amountCents,
        status: 'placed',
        paymentId: (paid.body as { paymentId?: string }).paymentId,
        createdAt: new Date().toISOString(),
      };
      await db.send(
        new PutCommand({
          TableName: table,
          Item: order,
          ConditionExpression: 'attribute_not_exists(orderId)',
        }),
      );
      request.log.info({ orderId, customerId, amountCents }, 'order placed');
      return reply.code(201).header('location', `/orders/${orderId}`).send(order);
    },
  );
  return app;
}

function upstreamFailed(reply: FastifyReply, service: string, status: number) {
  reply.log.error({ service, status }, 'a service the order needs failed');
  return reply.code(502).send({ title: `The ${service} service answered ${status}.` });
}
