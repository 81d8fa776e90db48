const SKU = /^[A-Z0-9]{4,12}$/;

exports.isSku = (s) => SKU.test(s);
