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

  app.get<{ Querystring: UnsubQuery }>('/unsubscribe', async (request, reply) => {
    const { email = '', list = 'news' } = request.query;
    const page = `<html><body><p>Unsubscribe <b>${email}</b> from ${list}?</p>
      <form method="post"><button>Confirm</button></form></body></html>`;
    return reply.type('text/html').send(page);
  });
}
