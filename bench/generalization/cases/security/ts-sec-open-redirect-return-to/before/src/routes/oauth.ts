import { Router } from "express";
import { exchange } from "../oauth";

export const oauth = Router();

oauth.get("/oauth/callback", async (req, res) => {
  req.session.user = await exchange(String(req.query.code));
  res.redirect("/");
});
