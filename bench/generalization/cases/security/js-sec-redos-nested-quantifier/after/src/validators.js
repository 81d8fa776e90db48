const SKU = /^[A-Z0-9]{4,12}$/;
const COUPON = /^([A-Z0-9]+-?)+[A-Z0-9]$/;

exports.isSku = (s) => SKU.test(s);
exports.isCoupon = (s) => COUPON.test(s);
