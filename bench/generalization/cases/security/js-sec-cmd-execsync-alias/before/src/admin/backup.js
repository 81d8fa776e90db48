const cp = require("child_process");
const path = require("path");

const BACKUP_DIR = "/var/backups/app";

function listBackups() {
  return cp.execFileSync("ls", ["-1", BACKUP_DIR]).toString().split("\n").filter(Boolean);
}

module.exports = { listBackups };
