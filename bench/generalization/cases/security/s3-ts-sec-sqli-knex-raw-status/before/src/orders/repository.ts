import type { Knex } from "knex";

export interface OrderRow {
  id: number;
  status: string;
  total_cents: number;
  created_at: string;
}

export class OrderRepository {
  constructor(private readonly db: Knex) {}

  async byId(id: number): Promise<OrderRow | undefined> {
    return this.db<OrderRow>("orders").where({ id }).first();
  }
}
