function safeNext(value) {
  if (typeof value !== "string") return "/dashboard";
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/dashboard";
  return value;
}

function afterLogin(req, res) {
  req.session.regenerate(() => {
    req.session.userId = req.user.id;
    res.redirect(safeNext(req.query.next));
  });
}

module.exports = { afterLogin, safeNext };
