async function apply(req, res, db) {
  const applicant = req.body;
  console.log("new application", applicant.fullName, applicant.ssn, applicant.dob);
  const id = await db.insertApplication(applicant);
  res.status(201).json({ id });
}

module.exports = { apply };
