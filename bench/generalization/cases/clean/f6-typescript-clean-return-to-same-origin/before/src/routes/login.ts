import { Router } from 'express';

export const loginRouter = Router();

loginRouter.post('/login/complete', (req, res) => {
  if (!req.session.userId) {
    return res.status(401).send('not signed in');
  }
  return res.redirect('/accounts');
});
