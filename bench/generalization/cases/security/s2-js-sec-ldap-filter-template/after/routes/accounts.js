const express = require('express');
const ldap = require('ldapjs');

const router = express.Router();
const directory = ldap.createClient({ url: process.env.LDAP_URL });

router.post('/accounts/lookup', (req, res) => {
  const opts = {
    scope: 'sub',
    filter: `(&(objectClass=person)(mail=${req.body.email}))`,
    attributes: ['uid', 'cn'],
  };
  directory.search('ou=people,dc=acme,dc=com', opts, (err, result) => {
    if (err) return res.status(500).end();
    const found = [];
    result.on('searchEntry', (entry) => found.push(entry.pojo.objectName));
    result.on('end', () => res.json({ found }));
    return undefined;
  });
});

module.exports = { accounts: router };
