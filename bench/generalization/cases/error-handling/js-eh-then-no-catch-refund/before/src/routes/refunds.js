const { gateway } = require("../payments");

module.exports = { gateway };
