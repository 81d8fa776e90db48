import { Router } from "express";
import { OrderRepository } from "./repository";

export function orderRoutes(repo: OrderRepository): Router {
  const router = Router();
  router.get("/orders/:id", async (req, res) => {
    const order = await repo.byId(Number(req.params.id));
    order ? res.json(order) : res.sendStatus(404);
  });
  router.get("/orders", async (req, res) => {
    const { status = "paid", since = "1970-01-01" } = req.query as Record<string, string>;
    res.json(await repo.filter(status, since));
  });
  return router;
}
