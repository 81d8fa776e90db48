import type { Knex } from "knex";

const SORT_COLUMNS: Record<string, string> = {
  name: "last_name",
  created: "created_at",
  country: "country_code",
};

export class CustomerRepository {
  constructor(private readonly db: Knex) {}

  search(term: string, sort = "name") {
    const column = SORT_COLUMNS[sort] ?? "last_name";
    return this.db
      .select("id", "first_name", "last_name", "country_code")
      .from("customers")
      .whereRaw("last_name ILIKE ?", [`${term}%`])
      .orderBy(column, "asc")
      .limit(50);
  }
}
