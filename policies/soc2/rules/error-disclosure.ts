import type { NextFunction, Request, Response } from "express";
import type { FastifyInstance } from "fastify";
import { logger } from "./logger";

export class HttpError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

export function errorHandler(err: Error, req: Request, res: Response, _next: NextFunction): void {
  const status = err instanceof HttpError ? err.status : 500;
  logger.error({ err, path: req.path }, "request failed");
  res.status(status).json({
    error: err.message,
    // ruleid: soc2-cc7.2-stack-trace-to-client-js
    stack: err.stack,
  });
}

export function register(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    request.log.error(error);
    // ruleid: soc2-cc7.2-stack-trace-to-client-js
    reply.code(500).send({ message: "failed", trace: error.stack?.split("\n") });
  });
}

export async function koaErrors(ctx: any, next: () => Promise<void>) {
  try {
    await next();
  } catch (e: any) {
    ctx.status = 500;
    // ruleid: soc2-cc7.2-stack-trace-to-client-js
    ctx.body = { error: e.message, stack: e.stack };
  }
}

export function safeHandler(err: Error, req: Request, res: Response, _next: NextFunction): void {
  logger.error({ err, stack: err.stack }, "request failed");
  // ok: soc2-cc7.2-stack-trace-to-client-js
  res.status(500).json({ error: "internal_error", requestId: req.headers["x-request-id"] });
}

export function devHandler(err: Error, req: Request, res: Response, _next: NextFunction): void {
  // ok: soc2-cc7.2-stack-trace-to-client-js
  res.status(500).json({
    error: "internal_error",
    stack: process.env.NODE_ENV === "production" ? undefined : err.stack,
  });
}

export function envHandler(err: Error, req: Request, res: Response, _next: NextFunction): void {
  if (process.env.NODE_ENV !== "production") {
    // ok: soc2-cc7.2-stack-trace-to-client-js
    res.status(500).send(`<pre>${err.stack}</pre>`);
    return;
  }
  res.status(500).send("Internal error");
}
