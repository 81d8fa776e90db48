function afterLogin(req, res) {
  req.session.regenerate(() => {
    req.session.userId = req.user.id;
    res.redirect("/dashboard");
  });
}

module.exports = { afterLogin };
