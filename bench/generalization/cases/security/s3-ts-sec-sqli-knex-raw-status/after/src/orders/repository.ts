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

  async filter(status: string, since: string): Promise<OrderRow[]> {
    const result = await this.db.raw(
      `SELECT id, status, total_cents, created_at FROM orders
       WHERE status = '${status}' AND created_at >= '${since}'
       ORDER BY created_at DESC`,
    );
    return result.rows as OrderRow[];
  }
}
