class OrderRepo {
  constructor(db) {
    this.db = db;
  }

  async byId(id) {
    const [rows] = await this.db.execute("SELECT * FROM orders WHERE id = ?", [id]);
    return rows[0];
  }

  async byCustomer(customer, sort) {
    const [rows] = await this.db.query(
      `SELECT * FROM orders WHERE customer_ref = '${customer}' ORDER BY ${sort}`
    );
    return rows;
  }
}

module.exports = { OrderRepo };
