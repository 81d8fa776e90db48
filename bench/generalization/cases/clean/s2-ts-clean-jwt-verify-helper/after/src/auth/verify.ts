import jwt, { JwtPayload } from 'jsonwebtoken';
import { keyFor } from './keys';

export function verifyToken(token: string): JwtPayload {
  const header = jwt.decode(token, { complete: true })?.header;
  const key = keyFor(header?.kid ?? 'default');
  return jwt.verify(token, key, { algorithms: ['RS256'], audience: 'backoffice' }) as JwtPayload;
}
