import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { FastifyInstance } from 'fastify';
import { documentClient } from '../shared/dynamo.js';
import { required } from '../shared/env.js';
import { baseApp } from '../shared/service.js';

interface ReservationBody {
  readonly orderId: string;
  readonly items: readonly { readonly sku: string; readonly quantity: number }[];
}

const SKU = { type: 'string', minLength: 1, maxLength: 64 } as const;

/**
 * Stock per SKU in TABLE_STOCK (`{ sku, available }`). A reservation takes every item's quantity
 * in one transaction, each conditional on enough being left, so an order gets all its items or
 * none: 409 names the SKUs that are short.
 */
export function inventoryApp(
  env: NodeJS.ProcessEnv,
  db: DynamoDBDocumentClient = documentClient(),
): FastifyInstance {
  const table = required(
    env,
    'TABLE_STOCK',
    'the stock table name (Slipway sets it from services.inventory.tables)',
  );
  const app = baseApp('inventory', env);

  app.get<{ Params: { sku: string } }>('/inventory/:sku', async (request, reply) => {
    const found = await db.send(new GetCommand({ TableName: table, Key: { sku: request.params.sku } }));
    if (!found.Item)
      return reply.code(404).send({ title: `No stock is recorded for ${request.params.sku}.` });
    return { sku: found.Item.sku, available: found.Item.available };
  });

  app.put<{ Params: { sku: string }; Body: { available: number } }>(
    '/inventory/:sku',
    {
      schema: {
        body: {
          type: 'object',
          required: ['available'],
          additionalProperties: false,
          properties: { available: { type: 'integer', minimum: 0 } },
        },
      },
    },
    async (request) => {
      const item = { sku: request.params.sku, available: request.body.available };
      await db.send(new PutCommand({ TableName: table, Item: item }));
      return item;
    },
  );

  app.post<{ Body: ReservationBody }>(
    '/inventory/reservations',
    {
      schema: {
        body: {
          type: 'object',
          required: ['orderId', 'items'],
          additionalProperties: false,
          properties: {
            orderId: { type: 'string', minLength: 1, maxLength: 64 },
            items: {
              type: 'array',
              minItems: 1,
              // A DynamoDB transaction holds at most 100 actions.
              maxItems: 100,
              items: {
                type: 'object',
                required: ['sku', 'quantity'],
                additionalProperties: false,
                properties: { sku: SKU, quantity: { type: 'integer', minimum: 1 } },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { orderId, items } = request.body;
      const skus = new Set(items.map((i) => i.sku));
      if (skus.size !== items.length)
        return reply.code(400).send({ title: 'Each SKU may appear once per reservation.' });
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: items.map((item) => ({
              Update: {
                TableName: table,
                Key: { sku: item.sku },
                UpdateExpression: 'SET available = available - :quantity',
                ConditionExpression: 'available >= :quantity',
                ExpressionAttributeValues: { ':quantity': item.quantity },
              },
            })),
          }),
        );
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const short = (error.CancellationReasons ?? []).flatMap((reason, i) =>
          reason.Code === 'ConditionalCheckFailed' ? [items[i]?.sku ?? '?'] : [],
        );
        request.log.info({ orderId, short }, 'out of stock');
        return reply.code(409).send({ title: 'Not enough stock.', skus: short });
      }
      request.log.info({ orderId, items: items.length }, 'stock reserved');
      return reply.code(201).send({ orderId, items });
    },
  );
  return app;
}
