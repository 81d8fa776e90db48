import { Router } from "express";
import { OrderRepository } from "./repository";

export function orderRoutes(repo: OrderRepository): Router {
  const router = Router();
  router.get("/orders/:id", async (req, res) => {
    const order = await repo.byId(Number(req.params.id));
    order ? res.json(order) : res.sendStatus(404);
  });
  return router;
}
