import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../http/problem.js';
import type { ItemRepository } from './repository.js';
import { checkLimit, checkNewItem, parseItemId } from './validate.js';

// Response schemas let Fastify compile a serializer instead of calling JSON.stringify per response.
// The two reads send the JSON text Postgres built (see repository.ts), which Fastify passes through
// untouched; their schemas describe that body.
const item = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    quantity: { type: 'integer' },
    created_at: { type: ['string', 'null'] },
  },
  required: ['id', 'name', 'quantity', 'created_at'],
} as const;

const JSON_TYPE = 'application/json; charset=utf-8';

/** GET /items, GET /items/:id and POST /items. */
export function itemRoutes(app: FastifyInstance, items: ItemRepository): void {
  app.get(
    '/items',
    { schema: { response: { 200: { type: 'array', items: item } } } },
    async (request, reply) => {
      const limit = checkLimit((request.query as Record<string, unknown>).limit);
      if (!limit.ok) return sendProblem(reply, 400, limit.error);
      return reply.type(JSON_TYPE).send(await items.listJson(limit.value));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/items/:id',
    { schema: { response: { 200: item } } },
    async (request, reply) => {
      const id = parseItemId(request.params.id);
      const found = id === undefined ? undefined : await items.findJson(id);
      if (found === undefined) return sendProblem(reply, 404, 'not found');
      return reply.type(JSON_TYPE).send(found);
    },
  );

  app.post('/items', { schema: { response: { 201: item } } }, async (request, reply) => {
    const checked = checkNewItem(request.body);
    if (!checked.ok) return sendProblem(reply, 400, checked.error);
    const created = await items.create(checked.value);
    return reply.code(201).send(created);
  });
}
