import { Request, Response, NextFunction } from 'express';
import { createRemoteJWKSet, jwtVerify, JWTPayload } from 'jose';

const ISSUER = process.env.OIDC_ISSUER ?? 'https://login.acmebank.example';
const AUDIENCE = process.env.OIDC_CLIENT_ID ?? 'mobile-banking';
const jwks = createRemoteJWKSet(new URL(`${ISSUER}/.well-known/jwks.json`));

export async function verifyIdToken(token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: ['RS256', 'ES256'],
  });
  return payload;
}

export async function requireSession(req: Request, res: Response, next: NextFunction) {
  if (req.session?.userId) return next();
  const header = req.header('authorization') ?? '';
  if (!header.startsWith('Bearer ')) {
    return res.status(401).json({ error: 'unauthenticated' });
  }
  try {
    const claims = await verifyIdToken(header.slice(7));
    res.locals.userId = claims.sub;
    return next();
  } catch (err) {
    req.log?.warn({ err }, 'id token rejected');
    return res.status(401).json({ error: 'invalid_token' });
  }
}
