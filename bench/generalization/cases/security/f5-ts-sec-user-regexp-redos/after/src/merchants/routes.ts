import { Router, type Request, type Response } from 'express';
import { listMerchants, type Merchant } from './merchant-repo';

export const merchantsRouter = Router();

// support wildcards and alternation from the ops console, e.g. "acme|globex"
function matcher(q: string): (m: Merchant) => boolean {
  const re = new RegExp(q, 'i');
  return (m) => re.test(m.displayName) || re.test(m.legalName);
}

merchantsRouter.get('/admin/merchants', async (req: Request, res: Response) => {
  const q = String(req.query.q ?? '');
  const rows = await listMerchants();
  res.json(q ? rows.filter(matcher(q)) : rows);
});
