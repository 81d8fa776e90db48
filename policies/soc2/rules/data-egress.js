function onLogin(session, user) {
  // ruleid: soc2-cc6.7-sensitive-egress
  localStorage.setItem("token", session.accessToken);
  // ok: soc2-cc6.7-sensitive-egress
  localStorage.setItem("theme", user.theme);
  // ruleid: soc2-p6.1-pii-to-third-party
  mixpanel.people.set({ $email: user.email });
  // ok: soc2-p6.1-pii-to-third-party
  mixpanel.people.set({ plan: user.plan });
}

async function download(apiKey, id) {
  // ruleid: soc2-cc6.6-cred-in-url
  await fetch(`https://files.example.com/${id}?key=${apiKey}`);
  // ok: soc2-cc6.6-cred-in-url
  await fetch(`https://files.example.com/${id}`, { headers: { Authorization: `Bearer ${apiKey}` } });
}

async function createClientToken(gateway, authorizationFingerprint) {
  // ok: soc2-cc6.6-cred-in-url
  let params = {
    authorizationFingerprint,
    sharedCustomerIdentifierType: "testing",
  };
  return gateway.http.post("/client_api/v1/payment_methods", params);
}
