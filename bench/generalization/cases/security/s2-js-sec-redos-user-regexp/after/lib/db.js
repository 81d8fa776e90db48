async function recentTransactions(userId) {
  return [{ id: 1, userId, memo: 'coffee' }];
}

module.exports = { recentTransactions };
