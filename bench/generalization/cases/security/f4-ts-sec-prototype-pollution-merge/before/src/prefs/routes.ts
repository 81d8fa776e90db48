import { Router } from 'express';
import { loadPrefs, savePrefs } from './store';

export const prefsRouter = Router();

prefsRouter.get('/me/preferences', async (req, res) => {
  res.json(await loadPrefs(req.user!.id));
});
