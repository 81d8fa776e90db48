import { readFileSync } from 'fs';

const KEYS: Record<string, string> = {
  default: readFileSync(process.env.JWT_PUBLIC_KEY_PATH ?? '/etc/acme/jwt.pub', 'utf8'),
};

export function keyFor(kid: string): string {
  const key = KEYS[kid];
  if (!key) throw new Error(`unknown key id ${kid}`);
  return key;
}
