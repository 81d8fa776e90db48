import { Router, Request, Response } from 'express';
import { promises as fs } from 'fs';
import * as path from 'path';

const STATEMENTS_DIR = path.resolve(process.env.STATEMENTS_DIR ?? '/var/lib/acme/statements');

export const statements = Router();

statements.get('/statements', (_req, res) => {
  res.json({ items: [] });
});

statements.get('/statements/:fileName', async (req: Request, res: Response) => {
  const fullPath = path.join(STATEMENTS_DIR, req.params.fileName);
  try {
    const pdf = await fs.readFile(fullPath);
    res.type('application/pdf').send(pdf);
  } catch {
    res.status(404).end();
  }
});
