const cp = require("child_process");
const path = require("path");

const BACKUP_DIR = "/var/backups/app";

function listBackups() {
  return cp.execFileSync("ls", ["-1", BACKUP_DIR]).toString().split("\n").filter(Boolean);
}

function createBackup(req, res) {
  const name = req.body.label + ".tgz";
  const target = path.join(BACKUP_DIR, name);
  cp.execSync("tar -czf " + target + " /srv/app/data");
  res.json({ created: name });
}

module.exports = { listBackups, createBackup };
