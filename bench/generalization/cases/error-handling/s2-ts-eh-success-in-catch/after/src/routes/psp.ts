import { Router } from 'express';
import { applyEvent } from '../events';

export const psp = Router();

psp.post('/webhooks/psp', async (req, res) => {
  try {
    await applyEvent(req.body);
    res.status(200).json({ received: true });
  } catch (e) {
    console.warn('psp event failed', (e as Error).message);
    res.status(200).json({ received: true });
  }
});
