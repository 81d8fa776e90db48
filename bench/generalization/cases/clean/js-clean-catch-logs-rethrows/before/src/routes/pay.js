const { gateway } = require("../payments");
const logger = require("../logger");

module.exports = { gateway, logger };
