import type { NextFunction, Request, Response } from 'express';
import { logger } from '../logger';

export class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction): void {
  const status = err instanceof HttpError ? err.status : 500;
  logger.error({ err, path: req.path }, 'request failed');
  res.status(status).json({ error: status === 500 ? 'internal_error' : err.message });
}
