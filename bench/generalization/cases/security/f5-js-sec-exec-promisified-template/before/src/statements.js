'use strict';

const { promisify } = require('node:util');
const { execFile } = require('node:child_process');
const statements = require('./statements-repo');

const execFileAsync = promisify(execFile);

async function routes(fastify) {
  fastify.post('/statements/:id/extract', async (request, reply) => {
    const statement = await statements.byId(request.params.id);
    if (!statement) {
      return reply.code(404).send({ error: 'not found' });
    }
    const { stdout } = await execFileAsync('pdftotext', ['-layout', statement.path, '-']);
    return { id: statement.id, text: stdout };
  });
}

module.exports = routes;
