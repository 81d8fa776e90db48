'use strict';

const { promisify } = require('node:util');
const { exec } = require('node:child_process');
const statements = require('./statements-repo');

const run = promisify(exec);

async function routes(fastify) {
  fastify.post('/statements/:id/extract', async (request, reply) => {
    const statement = await statements.byId(request.params.id);
    if (!statement) {
      return reply.code(404).send({ error: 'not found' });
    }
    const { first = 1, last = statement.pages } = request.query;
    const cmd = `pdftotext -layout -f ${first} -l ${last} "${statement.path}" -`;
    const { stdout } = await run(cmd, { maxBuffer: 16 * 1024 * 1024 });
    return { id: statement.id, text: stdout };
  });
}

module.exports = routes;
