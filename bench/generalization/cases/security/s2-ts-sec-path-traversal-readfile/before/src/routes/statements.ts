import { Router } from 'express';

export const statements = Router();

statements.get('/statements', (_req, res) => {
  res.json({ items: [] });
});
