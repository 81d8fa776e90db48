async function apply(req, res, db) {
  const applicant = req.body;
  const id = await db.insertApplication(applicant);
  res.status(201).json({ id });
}

module.exports = { apply };
