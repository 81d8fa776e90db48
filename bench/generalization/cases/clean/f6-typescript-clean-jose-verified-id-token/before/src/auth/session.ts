import { Request, Response, NextFunction } from 'express';

export function requireSession(req: Request, res: Response, next: NextFunction) {
  if (!req.session?.userId) {
    return res.status(401).json({ error: 'unauthenticated' });
  }
  return next();
}
