import type { Knex } from "knex";

export class CustomerRepository {
  constructor(private readonly db: Knex) {}

  search(term: string) {
    return this.db("customers").whereILike("last_name", `${term}%`).limit(50);
  }
}
