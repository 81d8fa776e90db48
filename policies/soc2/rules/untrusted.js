const { execSync } = require("child_process");
const vm = require("vm");

function installAgent(url) {
  // ruleid: soc2-cc6.8-untrusted-code-js
  execSync(`curl -fsSL ${url} | bash`, { stdio: "inherit" });
  // ok: soc2-cc6.8-untrusted-code-js
  execSync(`curl -fsSLo /tmp/agent.tgz ${url}`, { stdio: "inherit" });
}

async function loadRemotePlugin(url) {
  // ruleid: soc2-cc6.8-untrusted-code-js
  const code = await (await fetch(url)).text();
  return vm.runInNewContext(code, { require });
}

async function loadRemoteConfig(url) {
  // ok: soc2-cc6.8-untrusted-code-js
  const config = await (await fetch(url)).json();
  return JSON.parse(JSON.stringify(config));
}

async function runSnippet(url) {
  // ruleid: soc2-cc6.8-untrusted-code-js
  eval(await (await fetch(url)).text());
}
