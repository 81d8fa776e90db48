const libxmljs = require('libxmljs2');

const PARSE_OPTS = { noent: true, dtdload: true, nonet: false };

function readInvoice(xmlText) {
  const doc = libxmljs.parseXml(xmlText, PARSE_OPTS);
  return {
    number: doc.get('//Invoice/Number').text(),
    total: Number(doc.get('//Invoice/Total').text()),
  };
}

module.exports = { readInvoice };
