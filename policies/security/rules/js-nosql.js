'use strict';

class OrderRepository {
  constructor(db) {
    this.orders = db.collection('orders');
  }

  async search({ owner, limit = 50 }) {
    // ruleid: sec-nosql-js-expression-js
    const filter = { $where: `this.owner == '${owner}' && !this.archived` };
    return this.orders.find(filter).limit(limit).toArray();
  }

  async byTotal(min) {
    // ruleid: sec-nosql-js-expression-js
    return this.orders.find({ status: 'paid', $where: 'this.total > ' + min }).toArray();
  }

  async mongoose(Order, name) {
    // ruleid: sec-nosql-js-expression-js
    return Order.find().$where(`this.name === "${name}"`).exec();
  }

  async withFunction(name) {
    return this.orders.aggregate([
      {
        $match: {
          $expr: {
            $function: {
              // ruleid: sec-nosql-js-expression-js
              body: `function (n) { return n === '${name}'; }`,
              args: ['$name'],
              lang: 'js',
            },
          },
        },
      },
    ]).toArray();
  }

  async safeSearch({ owner, limit = 50 }) {
    // ok: sec-nosql-js-expression-js
    return this.orders.find({ owner: String(owner), archived: { $ne: true } }).limit(limit).toArray();
  }

  async staticWhere() {
    // ok: sec-nosql-js-expression-js
    return this.orders.find({ $where: 'this.items.length > this.shipped.length' }).toArray();
  }

  async argsFunction(name) {
    return this.orders.aggregate([
      {
        $match: {
          $expr: {
            $function: {
              // ok: sec-nosql-js-expression-js
              body: 'function (n, wanted) { return n === wanted; }',
              args: ['$name', name],
              lang: 'js',
            },
          },
        },
      },
    ]).toArray();
  }

  renderEmail(user) {
    // ok: sec-nosql-js-expression-js
    return { subject: 'Welcome', body: `Hello ${user.name}` };
  }
}

module.exports = { OrderRepository };
