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
