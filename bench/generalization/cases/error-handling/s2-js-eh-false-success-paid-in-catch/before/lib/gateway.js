async function capture(invoiceId) {
  throw new Error(`capture not implemented for ${invoiceId}`);
}

module.exports = { capture };
