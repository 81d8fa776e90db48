import { Request, Response, Router } from "express";

export const r = Router();

r.get("/sso/done", (req: Request, res: Response) => {
  const target = (req.query.target as string) ?? "/";
  // ruleid: sec-open-redirect-flow-js
  res.redirect(301, target);
});

r.get("/search", (req: Request, res: Response) => {
  const term = String(req.query.term ?? "");
  // ruleid: sec-xss-response-body-js
  res.end("<p>No results for " + term + "</p>");
});

r.get("/count", (req: Request, res: Response) => {
  // ok: sec-xss-response-body-js
  res.send(`<p>${Number(req.query.n) * 2}</p>`);
});

r.get("/home", (req: Request, res: Response) => {
  // ok: sec-open-redirect-flow-js
  res.redirect(303, "/home?tab=" + encodeURIComponent("x"));
});

export async function unsubscribeRoutes(app: any): Promise<void> {
  app.get("/unsubscribe", async (request: any, reply: any) => {
    const { email = "", list = "news" } = request.query;
    const page = `<html><body><p>Unsubscribe <b>${email}</b> from ${list}?</p></body></html>`;
    // ruleid: sec-xss-response-body-js
    return reply.type("text/html").send(page);
  });

  app.get("/greet", async (request: any, reply: any) => {
    // ruleid: sec-xss-response-body-js
    return reply.code(200).type("text/html").send(`<h1>Hello ${request.query.name}</h1>`);
  });

  app.get("/confirm", async (request: any, reply: any) => {
    const { email = "" } = request.query;
    // ok: sec-xss-response-body-js
    return reply.type("text/html").send(`<p>Unsubscribe <b>${escapeHtml(email)}</b>?</p>`);
  });

  app.get("/status", async (request: any, reply: any) => {
    const { list = "news" } = request.query;
    // ok: sec-xss-response-body-js
    return reply.code(200).send({ list, subscribed: false });
  });
}

declare function escapeHtml(s: string): string;
