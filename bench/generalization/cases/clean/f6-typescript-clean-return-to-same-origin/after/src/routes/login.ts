import { Router } from 'express';

export const loginRouter = Router();

const APP_ORIGIN = process.env.APP_ORIGIN ?? 'https://app.acmebank.example';

function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || raw === '') return '/accounts';
  let url: URL;
  try {
    url = new URL(raw, APP_ORIGIN);
  } catch {
    return '/accounts';
  }
  if (url.origin !== APP_ORIGIN) return '/accounts';
  return url.pathname + url.search;
}

loginRouter.post('/login/complete', (req, res) => {
  if (!req.session.userId) {
    return res.status(401).send('not signed in');
  }
  const target = safeReturnTo(req.body.returnTo);
  return res.redirect(target);
});
