'use strict';

class OrderRepository {
  constructor(db) {
    this.orders = db.collection('orders');
  }

  async byId(id) {
    return this.orders.findOne({ _id: id });
  }

  async search({ owner, limit = 50 }) {
    const filter = { $where: `this.owner == '${owner}' && !this.archived` };
    return this.orders.find(filter).limit(limit).toArray();
  }
}

module.exports = { OrderRepository };
