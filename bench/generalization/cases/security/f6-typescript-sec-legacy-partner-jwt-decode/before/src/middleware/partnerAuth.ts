import { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export interface PartnerClaims {
  sub: string;
  partnerId: string;
  scopes: string[];
}

const AUDIENCE = 'payouts-api';
const publicKey = process.env.PARTNER_JWT_PUBLIC_KEY ?? '';

export function partnerAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.header('authorization') ?? '';
  if (!header.startsWith('Bearer ')) {
    return res.status(401).json({ error: 'missing_token' });
  }
  try {
    const claims = jwt.verify(header.slice(7), publicKey, {
      algorithms: ['RS256'],
      audience: AUDIENCE,
    }) as PartnerClaims;
    res.locals.partner = claims;
    return next();
  } catch {
    return res.status(401).json({ error: 'invalid_token' });
  }
}
