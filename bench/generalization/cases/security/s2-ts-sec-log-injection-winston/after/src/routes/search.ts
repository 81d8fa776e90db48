import { Router } from 'express';
import { searchCatalog } from '../catalog';
import { logger } from '../logger';

export const search = Router();

search.get('/search', async (req, res) => {
  const term = String(req.query.q ?? '');
  logger.info(`catalog search term="${term}" ip=${req.ip}`);
  res.json(await searchCatalog(term));
});
