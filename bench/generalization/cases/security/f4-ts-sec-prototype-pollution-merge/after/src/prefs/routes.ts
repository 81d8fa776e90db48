import { Router } from 'express';
import { deepMerge, Json } from './merge';
import { loadPrefs, savePrefs } from './store';

export const prefsRouter = Router();

prefsRouter.get('/me/preferences', async (req, res) => {
  res.json(await loadPrefs(req.user!.id));
});

prefsRouter.patch('/me/preferences', async (req, res) => {
  const current = (await loadPrefs(req.user!.id)) as Json;
  const merged = deepMerge(current, JSON.parse(JSON.stringify(req.body)));
  await savePrefs(req.user!.id, merged);
  res.json(merged);
});
