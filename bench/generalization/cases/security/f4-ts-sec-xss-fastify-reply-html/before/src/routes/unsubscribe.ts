import type { FastifyInstance } from 'fastify';

interface UnsubQuery {
  email?: string;
  list?: string;
}

export default async function unsubscribeRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: UnsubQuery }>('/unsubscribe', async (request, reply) => {
    await app.lists.remove(request.body.list ?? 'news', request.body.email ?? '');
    return reply.code(204).send();
  });
}
