const fs = require('node:fs/promises');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');

const run = promisify(execFile);

async function writeStatementHtml(account, html, workDir) {
  const htmlPath = path.join(workDir, `statement-${account.id}.html`);
  await fs.writeFile(htmlPath, html, 'utf8');
  return htmlPath;
}

async function renderStatementPdf(account, htmlPath, outDir) {
  const safeId = String(account.id).replace(/[^A-Za-z0-9_-]/g, '');
  const outPath = path.join(outDir, `statement-${safeId}.pdf`);
  const args = ['--quiet', '--page-size', 'A4', '--footer-center', account.displayName, htmlPath, outPath];
  await run('wkhtmltopdf', args, { timeout: 30000 });
  return outPath;
}

module.exports = { writeStatementHtml, renderStatementPdf };
