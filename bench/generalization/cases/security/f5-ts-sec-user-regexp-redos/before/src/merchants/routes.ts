import { Router, type Request, type Response } from 'express';
import { listMerchants, type Merchant } from './merchant-repo';

export const merchantsRouter = Router();

function matches(m: Merchant, q: string): boolean {
  return m.displayName.toLowerCase().includes(q.toLowerCase());
}

merchantsRouter.get('/admin/merchants', async (req: Request, res: Response) => {
  const q = String(req.query.q ?? '');
  const rows = await listMerchants();
  res.json(q ? rows.filter((m) => matches(m, q)) : rows);
});
