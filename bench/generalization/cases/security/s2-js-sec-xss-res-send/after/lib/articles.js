const ARTICLES = [{ slug: 'refunds', title: 'How refunds work' }];

function search(term) {
  return ARTICLES.filter((a) => a.title.toLowerCase().includes(String(term).toLowerCase()));
}

module.exports = { search };
