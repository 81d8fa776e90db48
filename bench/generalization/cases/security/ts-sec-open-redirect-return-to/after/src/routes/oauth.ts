import { Router } from "express";
import { exchange } from "../oauth";

export const oauth = Router();

oauth.get("/oauth/callback", async (req, res) => {
  req.session.user = await exchange(String(req.query.code));
  const returnTo = (req.query.returnTo as string) || "/";
  res.redirect(302, returnTo);
});
