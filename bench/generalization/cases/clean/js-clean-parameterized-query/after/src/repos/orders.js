const SORTABLE = new Set(["created_at", "total"]);

class OrderRepo {
  constructor(db) {
    this.db = db;
  }

  async byCustomer(customer, sort) {
    const column = SORTABLE.has(sort) ? sort : "created_at";
    const [rows] = await this.db.execute(
      "SELECT * FROM orders WHERE customer_ref = ? ORDER BY " + column,
      [customer]
    );
    return rows;
  }
}

module.exports = { OrderRepo };
