class OrderRepo {
  constructor(db) {
    this.db = db;
  }

  async byId(id) {
    const [rows] = await this.db.execute("SELECT * FROM orders WHERE id = ?", [id]);
    return rows[0];
  }
}

module.exports = { OrderRepo };
