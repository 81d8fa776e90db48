import { NextFunction, Request, Response } from 'express';

const ALLOWED_ORIGINS = new Set(
  (process.env.DASHBOARD_ORIGINS ?? 'https://dashboard.paydash.io').split(','),
);

export function cors(req: Request, res: Response, next: NextFunction) {
  const origin = req.header('origin');
  const allowed = origin !== undefined && ALLOWED_ORIGINS.has(origin);
  if (allowed && origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type,X-CSRF-Token');
    return res.sendStatus(204);
  }
  return next();
}
