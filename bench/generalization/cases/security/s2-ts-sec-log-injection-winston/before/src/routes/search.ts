import { Router } from 'express';
import { searchCatalog } from '../catalog';

export const search = Router();

search.get('/search', async (req, res) => {
  const term = String(req.query.q ?? '');
  res.json(await searchCatalog(term));
});
