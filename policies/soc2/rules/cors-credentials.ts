import cors from "cors";
import express from "express";

const ALLOWED = ["https://app.example.com"];

export function build() {
  const app = express();
  app.use(
    // ruleid: soc2-cc6.6-cors-reflect-credentials-js
    cors({
      origin: (_origin, callback) => callback(null, true),
      credentials: true,
    }),
  );
  // ruleid: soc2-cc6.6-cors-reflect-credentials-js
  app.use(cors({ origin: true, credentials: true }));
  // ok: soc2-cc6.6-cors-reflect-credentials-js
  app.use(cors({ origin: ALLOWED, credentials: true }));
  // ok: soc2-cc6.6-cors-reflect-credentials-js
  app.use(cors({ origin: (o, cb) => cb(null, ALLOWED.includes(o)), credentials: true }));
  app.use((req, res, next) => {
    // ruleid: soc2-cc6.6-cors-reflect-credentials-js
    res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
    next();
  });
  return app;
}
