import * as fsp from "fs/promises";
import path from "path";
import serializer from "node-serialize";
import { Request, Response } from "express";

export async function attachment(req: Request, res: Response) {
  // ruleid: sec-path-traversal-js
  const buf = await fsp.readFile(path.join("/data/att", req.query.f as string));
  res.send(buf);
}

export async function attachmentById(req: Request, res: Response) {
  const id = Number(req.params.id);
  // ok: sec-path-traversal-js
  const buf = await fsp.readFile(path.join("/data/att", `${id}.bin`));
  res.send(buf);
}

export function restore(req: Request) {
  const blob = Buffer.from(String(req.headers["x-state"]), "base64").toString();
  // ruleid: sec-unsafe-deserialization-js
  return serializer.unserialize(blob);
}

export function restoreJson(req: Request) {
  // ok: sec-unsafe-deserialization-js
  return JSON.parse(String(req.headers["x-state"]));
}
