package reports

const reportDir = "/srv/reports"
