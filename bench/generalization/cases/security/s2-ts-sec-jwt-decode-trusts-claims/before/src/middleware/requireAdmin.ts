import { NextFunction, Request, Response } from 'express';
import jwt, { JwtPayload } from 'jsonwebtoken';

const PUBLIC_KEY = process.env.JWT_PUBLIC_KEY as string;

export function requireAdmin(req: Request, res: Response, next: NextFunction) {
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  let claims: JwtPayload;
  try {
    claims = jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'] }) as JwtPayload;
  } catch {
    return res.status(401).json({ error: 'invalid token' });
  }
  if (claims.role !== 'admin') {
    return res.status(403).json({ error: 'forbidden' });
  }
  res.locals.userId = claims.sub;
  return next();
}
