const fs = require('node:fs/promises');
const path = require('node:path');

async function writeStatementHtml(account, html, workDir) {
  const htmlPath = path.join(workDir, `statement-${account.id}.html`);
  await fs.writeFile(htmlPath, html, 'utf8');
  return htmlPath;
}

module.exports = { writeStatementHtml };
