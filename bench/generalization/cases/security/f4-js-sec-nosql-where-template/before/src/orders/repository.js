'use strict';

class OrderRepository {
  constructor(db) {
    this.orders = db.collection('orders');
  }

  async byId(id) {
    return this.orders.findOne({ _id: id });
  }
}

module.exports = { OrderRepository };
