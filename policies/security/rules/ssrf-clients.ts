import axios from "axios";
import { Request, Response, Router } from "express";
import { client } from "./http";

export const avatar = Router();
const images = axios.create({ timeout: 5000, responseType: "stream" });

avatar.get("/avatar/proxy", async (req: Request, res: Response) => {
  const src = String(req.query.src);
  // ruleid: sec-ssrf-js-client
  const upstream = await images.get(src);
  upstream.data.pipe(res);
});

avatar.post("/import", async (req: Request, res: Response) => {
  // ruleid: sec-ssrf-js-client
  const feed = await client.get(req.body.url as string);
  // ok: sec-ssrf-js-client
  const fixed = await client.get("https://feeds.example/daily", { params: { id: req.body.id } });
  res.json({ feed: feed.data, fixed: fixed.data });
});
