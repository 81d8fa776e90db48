class OrderRepo {
  constructor(db) {
    this.db = db;
  }
}

module.exports = { OrderRepo };
